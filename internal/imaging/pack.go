package imaging

import "encoding/binary"

// pack puts the copies' bytes one after the other, each after its length.
// Paths are not stored: they come from the Set, whose order is the same
// for the same input and options.
func pack(files []File) []byte {
	var out []byte
	for _, f := range files {
		out = binary.AppendUvarint(out, uint64(len(f.Data)))
		out = append(out, f.Data...)
	}
	return out
}

// unpack splits a packed payload into set's copies; ok is false when the
// payload does not hold exactly one entry per copy.
func unpack(payload []byte, set *Set) ([]File, bool) {
	paths := make([]string, 0, len(set.Copies)+1)
	for _, c := range set.Copies {
		paths = append(paths, c.Path)
	}
	if set.Print != nil {
		paths = append(paths, set.Print.Path)
	}
	if set.OG != nil {
		paths = append(paths, set.OG.Path)
	}
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		n, k := binary.Uvarint(payload)
		if k <= 0 || uint64(len(payload)-k) < n {
			return nil, false
		}
		files = append(files, File{Path: p, Data: payload[k : k+int(n)]})
		payload = payload[k+int(n):]
	}
	return files, len(payload) == 0
}
