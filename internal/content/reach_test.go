package content

import (
	"reflect"
	"testing"
	"time"
)

// Every front-matter field either is part of one Input, and a change to
// it alone reaches exactly that Input's Reach, or reaches Everything.
func TestChangedFollowsInputs(t *testing.T) {
	base := &Doc{Path: "content/a.md", Body: []byte("Thân bài.\n"), BodyLine: 5}
	inputOf := map[string]Input{}
	for _, in := range Inputs {
		for _, f := range in.Fields {
			if _, dup := inputOf[f]; dup {
				t.Errorf("field %s is in two inputs", f)
			}
			inputOf[f] = in
		}
	}
	ft := reflect.TypeOf(FrontMatter{})
	for i := range ft.NumField() {
		field := ft.Field(i)
		changed := *base
		v := reflect.ValueOf(&changed.Front).Elem().Field(i)
		v.Set(nonZero(t, field.Type))
		want := Everything
		if in, ok := inputOf[field.Name]; ok {
			want = in.Reach
		}
		if got := Changed(base, &changed); got != want {
			t.Errorf("%s changed: reach %b, want %b", field.Name, got, want)
		}
	}
	body := *base
	body.Body = []byte("Thân bài khác.\n")
	if got := Changed(base, &body); got != Inputs[0].Reach || got&Everything != 0 {
		t.Errorf("body changed: reach %b", got)
	}
	if got := Changed(base, base); got != 0 {
		t.Errorf("no change: reach %b", got)
	}
	for _, other := range []func(d *Doc){
		func(d *Doc) { d.Terms = map[string][]string{"tags": {"mới"}} },
		func(d *Doc) { d.Hidden = "draft" },
		func(d *Doc) { d.Resources = []string{"a/anh.png"} },
	} {
		d := *base
		other(&d)
		if !SameShape(base, base) || SameShape(base, &d) {
			t.Errorf("%+v: SameShape", d)
		}
	}
}

func nonZero(t *testing.T, typ reflect.Type) reflect.Value {
	switch typ {
	case reflect.TypeOf(""):
		return reflect.ValueOf("x")
	case reflect.TypeOf(time.Time{}):
		return reflect.ValueOf(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	case reflect.TypeOf(false):
		return reflect.ValueOf(true)
	case reflect.TypeOf(0):
		return reflect.ValueOf(3)
	case reflect.TypeOf([]string(nil)):
		return reflect.ValueOf([]string{"x"})
	case reflect.TypeOf(map[string]any(nil)):
		return reflect.ValueOf(map[string]any{"x": 1})
	case reflect.TypeOf(Imprint{}):
		return reflect.ValueOf(Imprint{Copies: 500})
	}
	t.Fatalf("no non-zero value for %v: add one", typ)
	return reflect.Value{}
}
