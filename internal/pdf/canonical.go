package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"regexp"
	"sort"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// reproducible rewrites pdf so that the same page printed twice gives the
// same bytes, whatever order pdfcpu and Chromium numbered its objects in
// (pdfcpu walks maps; Chromium counts DOM nodes):
//   - objects are renumbered in the order a walk from the catalog meets
//     them (dictionary keys sorted), and written in that order; objects
//     nothing refers to are left out;
//   - structure element ids ("node00000071") are renumbered in the same
//     walk, in the elements and in the table headers that name them;
//   - the information dictionary is dated date (in UTC), not by the clock;
//   - the file identifier is derived from the content;
//   - the cross-reference table is a classic one.
func reproducible(pdf []byte, date time.Time) ([]byte, error) {
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("reproducible PDF: %w", err)
	}
	xt := ctx.XRefTable
	if xt.Info != nil {
		if info, err := xt.DereferenceDict(*xt.Info); err == nil && info != nil {
			stamp := types.StringLiteral(types.DateString(date.UTC()))
			info["CreationDate"], info["ModDate"] = stamp, stamp
		}
	}
	w := renumbering{xt: xt, number: map[int]int{}, nodeIDs: map[string]string{}}
	root := w.ref(*xt.Root)
	var info types.Object
	if xt.Info != nil {
		info = w.ref(*xt.Info)
	}
	var out bytes.Buffer
	out.Write(pdf[:bytes.IndexByte(pdf, '\n')+1]) // the version line
	out.WriteString("%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objects)+1)
	for i, o := range w.objects {
		offsets[i+1] = out.Len()
		if err := writeObject(&out, i+1, o); err != nil {
			return nil, fmt.Errorf("reproducible PDF: object %d: %w", i+1, err)
		}
	}
	id := types.HexLiteral(fmt.Sprintf("%X", md5.Sum(out.Bytes())))
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	trailer := types.Dict{"Size": types.Integer(len(offsets)), "Root": root, "ID": types.Array{id, id}}
	if info != nil {
		trailer["Info"] = info
	}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return out.Bytes(), nil
}

// renumbering walks a document's objects from its catalog and gives each
// a new number in the order it is met.
type renumbering struct {
	xt      *model.XRefTable
	number  map[int]int       // old object number → new
	objects []types.Object    // by new number - 1, references renumbered
	nodeIDs map[string]string // structure element id → new id
}

var nodeID = regexp.MustCompile(`^node\d+$`)

// ref returns the new reference for r, walking its object the first time.
func (w *renumbering) ref(r types.IndirectRef) types.IndirectRef {
	r = w.throughWrappers(r, "K")
	old := r.ObjectNumber.Value()
	if n, ok := w.number[old]; ok {
		return *types.NewIndirectRef(n, 0)
	}
	n := len(w.objects) + 1
	w.number[old] = n
	w.objects = append(w.objects, nil)
	o, _ := w.xt.Dereference(r)
	w.objects[n-1] = w.copy(o)
	return *types.NewIndirectRef(n, 0)
}

// copy returns o with every reference renumbered.
func (w *renumbering) copy(o types.Object) types.Object {
	switch v := o.(type) {
	case types.IndirectRef:
		return w.ref(v)
	case types.Dict:
		return w.copyDict(v)
	case types.Array:
		out := make(types.Array, len(v))
		for i, e := range v {
			out[i] = w.copy(e)
		}
		return out
	case types.StreamDict:
		v.Dict = w.copyDict(v.Dict)
		return v
	case types.StringLiteral:
		if s := string(v); nodeID.MatchString(s) {
			if _, ok := w.nodeIDs[s]; !ok {
				w.nodeIDs[s] = fmt.Sprintf("node%08d", len(w.nodeIDs)+1)
			}
			return types.StringLiteral(w.nodeIDs[s])
		}
	}
	return o
}

func (w *renumbering) copyDict(d types.Dict) types.Dict {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(types.Dict, len(d))
	for _, k := range keys {
		v := d[k]
		if r, ok := v.(types.IndirectRef); ok && k == "P" && isStructElem(d) {
			v = w.throughWrappers(r, "P")
		}
		out[k] = w.copy(v)
	}
	return out
}

// throughWrappers skips structure elements that only wrap one other
// (a NonStruct whose K is one element): Chromium adds such a wrapper on
// some runs and not others. Going down (via "K") it returns the wrapped
// element; going up (via "P") the wrapper's own parent.
func (w *renumbering) throughWrappers(r types.IndirectRef, via string) types.IndirectRef {
	for i := 0; i < 64; i++ {
		d, err := w.xt.DereferenceDict(r)
		if err != nil || d == nil || !isStructElem(d) || len(d) != 4 {
			return r
		}
		if s := d.NameEntry("S"); s == nil || *s != "NonStruct" {
			return r
		}
		kid, ok := d["K"].(types.IndirectRef)
		if !ok {
			return r
		}
		if k, err := w.xt.DereferenceDict(kid); err != nil || k == nil || !isStructElem(k) {
			return r
		}
		next, ok := d[via].(types.IndirectRef)
		if !ok {
			return r
		}
		r = next
	}
	return r
}

func isStructElem(d types.Dict) bool {
	t := d.NameEntry("Type")
	return t != nil && *t == "StructElem"
}

// writeObject writes one indirect object (generation 0), a stream with
// its encoded bytes.
func writeObject(out *bytes.Buffer, nr int, o types.Object) error {
	fmt.Fprintf(out, "%d 0 obj\n", nr)
	switch v := o.(type) {
	case types.StreamDict:
		if v.Raw == nil {
			if err := v.Encode(); err != nil {
				return err
			}
		}
		v.Dict["Length"] = types.Integer(len(v.Raw))
		out.WriteString(v.Dict.PDFString())
		out.WriteString("\nstream\n")
		out.Write(v.Raw)
		out.WriteString("\nendstream")
	case nil:
		out.WriteString("null")
	default:
		out.WriteString(o.PDFString())
	}
	out.WriteString("\nendobj\n")
	return nil
}
