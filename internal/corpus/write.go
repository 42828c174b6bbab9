package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes the corpus of opts into dir (made if missing) as files,
// with the Hugo project of [HugoProject] in dir/hugo: a site both bantin
// (--source dir) and Hugo (--source dir/hugo) build from the same
// content/. Pages are written as they are made, never all held at once.
func Write(opts Options, dir string) error {
	put := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		return nil
	}
	for name, text := range HugoProject() {
		if err := put(HugoDir+"/"+name, []byte(text)); err != nil {
			return err
		}
	}
	return Each(opts, put)
}
