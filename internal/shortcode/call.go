package shortcode

import "strconv"

// Call is one shortcode call in a source.
type Call struct {
	Name     string
	Args     []Arg
	Named    bool // the arguments are key=value
	Markdown bool // {{% %}}: the inner text is Markdown
	Paired   bool // closed by {{< /name >}}
	Closed   bool // self-closed: {{< name />}}

	Start, End           int // the whole call in the source, closing tag included
	InnerStart, InnerEnd int // the inner text of a pair; equal to End when unpaired
	Children             []*Call
}

// Arg is one argument: Key is "" for a positional one.
type Arg struct {
	Key   string
	Value string
}

// Get returns the argument named key, or at index key (an int or a
// string of digits), and whether it exists.
func (c *Call) Get(key any) (string, bool) {
	switch k := key.(type) {
	case int:
		return c.positional(k)
	case string:
		if !c.Named {
			if i, err := strconv.Atoi(k); err == nil {
				return c.positional(i)
			}
		}
		for _, a := range c.Args {
			if a.Key == k {
				return a.Value, true
			}
		}
	}
	return "", false
}

func (c *Call) positional(i int) (string, bool) {
	if c.Named || i < 0 || i >= len(c.Args) {
		return "", false
	}
	return c.Args[i].Value, true
}

// Inner is the inner text of a pair, "" otherwise.
func (c *Call) Inner(src []byte) []byte {
	return src[c.InnerStart:c.InnerEnd]
}

// Error is a syntax problem at byte offset Off.
type Error struct {
	Off int
	Msg string
}

func (e Error) Error() string { return e.Msg }

// Walk calls f for every call of calls and of their children, parents first.
func Walk(calls []*Call, f func(*Call)) {
	for _, c := range calls {
		f(c)
		Walk(c.Children, f)
	}
}
