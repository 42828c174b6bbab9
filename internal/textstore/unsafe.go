package textstore

import "unsafe"

// unsafeString views b as a string without copying; b must never change.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
