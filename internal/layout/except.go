package layout

import (
	"fmt"
	"reflect"
)

// firstExcept returns the first n items of list that are not in exclude,
// as a list of list's type. The home page uses it so that a section's
// block leaves out the stories already in the latest list. It looks at
// list only until it has n items.
func firstExcept(n int, exclude, list any) (any, error) {
	lv, ev := reflect.ValueOf(list), reflect.ValueOf(exclude)
	if !isList(lv) {
		return nil, fmt.Errorf("firstExcept: %T is not a list", list)
	}
	if exclude != nil && !isList(ev) {
		return nil, fmt.Errorf("firstExcept: %T is not a list", exclude)
	}
	skip := make(map[any]bool)
	for i := 0; exclude != nil && i < ev.Len(); i++ {
		if item := ev.Index(i); item.Type().Comparable() {
			skip[item.Interface()] = true
		}
	}
	out := reflect.MakeSlice(reflect.SliceOf(lv.Type().Elem()), 0, max(n, 0))
	for i := 0; i < lv.Len() && out.Len() < n; i++ {
		item := lv.Index(i)
		if item.Type().Comparable() && skip[item.Interface()] {
			continue
		}
		out = reflect.Append(out, item)
	}
	return out.Interface(), nil
}

func isList(v reflect.Value) bool {
	return v.Kind() == reflect.Slice || v.Kind() == reflect.Array
}
