// Package meta decodes TOML and YAML documents (config.toml, front matter)
// into typed Go structs and reports every problem at its line and column.
//
// BurntSushi/toml and yaml.v3 parse the text; meta then walks the values
// itself so that a value of the wrong type is an error at its key, and a key
// the target struct does not know is a warning at its key, with the key's
// position in both cases (the parsers expose positions only for syntax
// errors).
//
// Positions are kept per dotted key path; array-of-table entries add their
// index ("menus.main.0.name"). A value inside an inline table reports its
// nearest positioned ancestor.
//
// Decoding rules, by the target field's type (fields are named by their
// `toml` tag):
//
//	string          a string
//	bool            a boolean
//	int             an integer
//	float64         a number
//	[]string        an array of strings, or one string (a list of one)
//	time.Time       a TOML date-time, or a string: RFC 3339, "2006-01-02T15:04:05",
//	                "2006-01-02 15:04:05", "2006-01-02 15:04" or "2006-01-02";
//	                local times are read in the document's time zone
//	map[string]any  any table, kept as it is (free-form params)
//	map[string]T    a table of T
//	struct          a table, decoded by these rules
//	[]struct        an array of tables
//
// Free-form maps are made NFC like every other string.
package meta
