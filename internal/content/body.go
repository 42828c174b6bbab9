package content

import "bantin/internal/textstore"

// storedBody is where a document's body went once the build rendered it.
type storedBody struct {
	store *textstore.Store
	ref   textstore.Ref
}

// Text is the document's body: Body while the document is being read and
// rendered, then (MoveBody) the copy in the build's text store.
func (d *Doc) Text() []byte {
	if d.Body != nil || d.stored.store == nil {
		return d.Body
	}
	return d.stored.store.Bytes(d.stored.ref)
}

// MoveBody moves the body into st (as it is read, or once it is
// rendered), so that the site model does not hold every source file: Text
// still reads it (to render it, for a position in an error, or to compare
// an edit). A body already moved stays where it is.
func (d *Doc) MoveBody(st *textstore.Store) {
	if d.Body == nil && d.stored.store != nil {
		return
	}
	d.stored = storedBody{st, st.Put(d.Body)}
	d.Body = nil
}
