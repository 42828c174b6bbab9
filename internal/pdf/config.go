package pdf

import (
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// baseConfig is pdfcpu's default configuration, made once without its
// config folder: pdfcpu would otherwise write ~/.config/pdfcpu and parse it
// on every call, unsafely from several goroutines.
var baseConfig = sync.OnceValue(func() model.Configuration {
	api.DisableConfigDir()
	return *model.NewDefaultConfiguration()
})

// pdfcpuConfig returns a configuration for one pdfcpu call (calls change
// theirs, so each gets its own copy).
func pdfcpuConfig() *model.Configuration {
	c := baseConfig()
	return &c
}
