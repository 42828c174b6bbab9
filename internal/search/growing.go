package search

// growing is a list that grows by chunks: what it holds is never copied
// while it grows (append would copy a long list four times over at its
// growth rate, and leave the old arrays to the collector). Chunks double
// from 8 to 4,096 items, so a short list stays small.
type growing[T any] struct {
	chunks [][]T
	n      int
}

const (
	firstChunk = 8
	maxChunk   = 4096
)

func (g *growing[T]) add(v T) {
	last := len(g.chunks) - 1
	if last < 0 || len(g.chunks[last]) == cap(g.chunks[last]) {
		size := firstChunk
		if last >= 0 {
			size = min(2*cap(g.chunks[last]), maxChunk)
		}
		g.chunks = append(g.chunks, make([]T, 0, size))
		last++
	}
	g.chunks[last] = append(g.chunks[last], v)
	g.n++
}

// flat returns the items in one slice of their number, and empties g.
func (g *growing[T]) flat() []T {
	out := make([]T, 0, g.n)
	for _, c := range g.chunks {
		out = append(out, c...)
	}
	*g = growing[T]{}
	return out
}
