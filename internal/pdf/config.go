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
	c := *model.NewDefaultConfiguration()
	c.WriteObjectStream = false // the information dictionary stays readable: see reproducible
	// pdfcpu's optimiser renumbers objects in map order: the same input
	// would give different bytes from run to run.
	c.Optimize, c.OptimizeBeforeWriting = false, false
	return c
})

// pdfcpuConfig returns a configuration for one pdfcpu call (calls change
// theirs, so each gets its own copy).
func pdfcpuConfig() *model.Configuration {
	c := baseConfig()
	return &c
}
