package meta

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"bantin/internal/diag"
)

// Decode fills dst, a pointer to a struct, from the document's values.
// Local dates and times are read in loc. Problems go to dl: wrong types as
// errors, unknown keys as warnings.
func (d *Document) Decode(dst any, loc *time.Location, dl *diag.List) {
	dec := decoder{doc: d, loc: loc, dl: dl}
	dec.structure(d.Values, reflect.ValueOf(dst).Elem(), nil)
}

type decoder struct {
	doc *Document
	loc *time.Location
	dl  *diag.List
}

var timeType = reflect.TypeOf(time.Time{})

func (dec decoder) structure(values map[string]any, rv reflect.Value, path []string) {
	fields := fieldsByKey(rv.Type())
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		at := append(append([]string(nil), path...), k)
		i, ok := fields[k]
		if !ok {
			dec.dl.Warnf(dec.doc.Pos(at...), "unknown key %q", strings.Join(at, "."))
			continue
		}
		dec.value(values[k], rv.Field(i), at)
	}
}

// fieldsByKey maps each `toml` tag name of t to its field index.
func fieldsByKey(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name != "" && name != "-" {
			out[name] = i
		}
	}
	return out
}

func (dec decoder) value(v any, rv reflect.Value, path []string) {
	if rv.Type() == timeType {
		dec.timeValue(v, rv, path)
		return
	}
	switch rv.Kind() {
	case reflect.String:
		if s, ok := v.(string); ok {
			rv.SetString(s)
			return
		}
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			rv.SetBool(b)
			return
		}
	case reflect.Int, reflect.Int64:
		if n, ok := asInt(v); ok {
			rv.SetInt(n)
			return
		}
	case reflect.Float64:
		if f, ok := asFloat(v); ok {
			rv.SetFloat(f)
			return
		}
	case reflect.Interface:
		rv.Set(reflect.ValueOf(v))
		return
	case reflect.Pointer:
		elem := reflect.New(rv.Type().Elem())
		dec.value(v, elem.Elem(), path)
		rv.Set(elem)
		return
	case reflect.Slice:
		if dec.slice(v, rv, path) {
			return
		}
	case reflect.Map:
		if m, ok := asMap(v); ok {
			dec.mapping(m, rv, path)
			return
		}
	case reflect.Struct:
		if m, ok := asMap(v); ok {
			dec.structure(m, rv, path)
			return
		}
	}
	dec.typeError(v, rv.Type(), path)
}

func (dec decoder) typeError(v any, want reflect.Type, path []string) {
	dec.dl.Errorf(dec.doc.Pos(path...), "%s must be %s, not %s", strings.Join(path, "."), describeType(want), describeValue(v))
}

func (dec decoder) slice(v any, rv reflect.Value, path []string) bool {
	if s, ok := v.(string); ok && rv.Type().Elem().Kind() == reflect.String {
		rv.Set(reflect.ValueOf([]string{s}))
		return true
	}
	items, ok := asList(v)
	if !ok {
		return false
	}
	out := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, item := range items {
		dec.value(item, out.Index(i), append(append([]string(nil), path...), strconv.Itoa(i)))
	}
	rv.Set(out)
	return true
}

func (dec decoder) mapping(m map[string]any, rv reflect.Value, path []string) {
	if rv.Type().Elem().Kind() == reflect.Interface {
		rv.Set(reflect.ValueOf(m))
		return
	}
	out := reflect.MakeMapWithSize(rv.Type(), len(m))
	for k, item := range m {
		elem := reflect.New(rv.Type().Elem()).Elem()
		dec.value(item, elem, append(append([]string(nil), path...), k))
		out.SetMapIndex(reflect.ValueOf(k), elem)
	}
	rv.Set(out)
}

var timeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// MinYear and MaxYear bound the dates a document may give: before 1900 a
// time zone's offsets are local mean time (+07:06:40 in Ho Chi Minh City),
// and year 0 or 10000 is a typing mistake.
const (
	MinYear = 1900
	MaxYear = 9999
)

func (dec decoder) timeValue(v any, rv reflect.Value, path []string) {
	set := func(t time.Time) {
		if t.Year() < MinYear || t.Year() > MaxYear {
			dec.dl.Errorf(dec.doc.Pos(path...), "%s: the year %d is out of range: dates must lie between %d and %d", strings.Join(path, "."), t.Year(), MinYear, MaxYear)
			return
		}
		rv.Set(reflect.ValueOf(t))
	}
	switch t := v.(type) {
	case time.Time:
		if dec.isLocal(t) {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), dec.loc)
		}
		set(t)
		return
	case string:
		for _, layout := range timeLayouts {
			if parsed, err := time.ParseInLocation(layout, strings.TrimSpace(t), dec.loc); err == nil {
				set(parsed)
				return
			}
		}
		dec.dl.Errorf(dec.doc.Pos(path...), "%s: cannot read %q as a date (write 2022-01-21 or 2022-01-21T16:58:00+07:00)", strings.Join(path, "."), t)
		return
	}
	dec.typeError(v, timeType, path)
}

// isLocal reports whether t was written without a zone: TOML marks local
// date-times with its own zone names; YAML gives them as UTC, so a YAML
// document's UTC times are read as local too.
func (dec decoder) isLocal(t time.Time) bool {
	switch t.Location().String() {
	case "datetime-local", "date-local":
		return true
	case "UTC":
		return dec.doc.yaml
	}
	return false
}

func asInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case uint64:
		return int64(n), true
	}
	return 0, false
}

func asFloat(v any) (float64, bool) {
	if f, ok := v.(float64); ok {
		return f, true
	}
	n, ok := asInt(v)
	return float64(n), ok
}

func asMap(v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	return m, ok
}

func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []map[string]any:
		out := make([]any, len(l))
		for i := range l {
			out[i] = l[i]
		}
		return out, true
	}
	return nil, false
}

func describeType(t reflect.Type) string {
	if t == timeType {
		return "a date"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of strings"
		}
		return "a list of tables"
	case reflect.Map, reflect.Struct:
		return "a table"
	}
	return t.String()
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case int64, int, uint64:
		return fmt.Sprintf("the number %v", x)
	case float64:
		return fmt.Sprintf("the number %v", x)
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}

// DecodeKey decodes the value at the top-level key into dst (a pointer) and
// removes the key from the document, so that a later Decode does not warn
// about it. It reports whether the key was present.
func (d *Document) DecodeKey(key string, dst any, loc *time.Location, dl *diag.List) bool {
	v, ok := d.Values[key]
	if !ok {
		return false
	}
	delete(d.Values, key)
	dec := decoder{doc: d, loc: loc, dl: dl}
	dec.value(v, reflect.ValueOf(dst).Elem(), []string{key})
	return true
}
