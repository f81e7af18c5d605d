// Package seedfile reads and writes the emulator's seed files: what
// `fieldservice-emulator --seed FILE` loads and `--dump FILE` (or
// GET /_emulator/dump) writes.
//
// A seed file is JSON or YAML. Both go through one path: the text is parsed
// into generic values (YAML with gopkg.in/yaml.v3, JSON with encoding/json),
// converted to JSON, and every vendor section is then decoded strictly from
// that JSON (Decode), so the two syntaxes share one set of `json` tags and
// one set of error messages. The top level is
//
//	version: 1            # required; only 1 is known
//	servicetrade: {...}   # optional: absent = the vendor's built-in seed
//	kimoby: {...}
//	kickserv: {...}
//
// A present section replaces that vendor's built-in seed entirely. What a
// section holds is each vendor package's business (NewSeeded and Dump);
// this package checks the top level and offers the strict decoding and the
// error collection (Errors) all of them use, so that every error names its
// entry the same way:
//
//	servicetrade.locations[2] ("Acme Tower"): companyId 42 is not a company of this seed (...)
package seedfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Version is the only seed file version this emulator knows.
const Version = 1

// Section names, as the top-level members of a seed file spell them.
const (
	ServiceTrade = "servicetrade"
	Kimoby       = "kimoby"
	Kickserv     = "kickserv"
)

// File is a parsed seed file. A nil section means "absent": the vendor
// starts with its built-in seed. A present section is a JSON object (Parse
// refuses anything else, null included).
type File struct {
	Version      int             `json:"version"`
	ServiceTrade json.RawMessage `json:"servicetrade,omitempty"`
	Kimoby       json.RawMessage `json:"kimoby,omitempty"`
	Kickserv     json.RawMessage `json:"kickserv,omitempty"`

	// Name is where the file came from (its path, as given to Read or
	// Parse), for error messages; never written.
	Name string `json:"-"`
}

// Read reads and parses the seed file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading seed file: %w", err)
	}
	return Parse(path, data)
}

// Parse parses a seed file's text. name is where it came from, for the
// error messages; a name ending in .json, or a text whose first non-blank
// character is '{' or '[', is read as JSON, anything else as YAML (of which
// JSON is, in principle, a subset: the JSON parser is used for JSON only
// because its errors are clearer and it keeps every number as written).
//
// The error, when there is one, says which file and lists every problem of
// the top level, one per line.
func Parse(name string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	var (
		js  []byte
		err error
	)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(name, errors.New("the file is empty; a seed file starts with `version: 1`"))
	}
	if looksJSON(name, data) {
		js, err = fromJSON(data)
	} else {
		js, err = fromYAML(data)
	}
	if err != nil {
		return nil, fileError(name, err)
	}
	f, err := top(js)
	if err != nil {
		return nil, fileError(name, err)
	}
	f.Name = name
	return f, nil
}

// Marshal renders f as indented JSON (two spaces, members in the order
// version, servicetrade, kimoby, kickserv, a final newline): the dump format.
// The sections are re-indented, their members kept in the order they are in.
func Marshal(f *File) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n  \"version\": ")
	fmt.Fprintf(&b, "%d", f.Version)
	for _, s := range []struct {
		name string
		raw  json.RawMessage
	}{{ServiceTrade, f.ServiceTrade}, {Kimoby, f.Kimoby}, {Kickserv, f.Kickserv}} {
		if s.raw == nil {
			continue
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, s.raw, "  ", "  "); err != nil {
			return nil, fmt.Errorf("the %s section is not valid JSON: %w", s.name, err)
		}
		fmt.Fprintf(&b, ",\n  %q: ", s.name)
		b.Write(ind.Bytes())
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// FileError is an error about a seed file: what Parse, Read and Wrap
// return. Its text names the file, then the problem on the same line, or
// the problems on the lines after, indented.
type FileError struct {
	Name string // the file's path, as given
	Err  error
}

func (e *FileError) Error() string {
	msg := e.Err.Error()
	name := e.Name
	if name == "" {
		name = "(unnamed)"
	}
	if strings.Contains(msg, "\n") {
		return fmt.Sprintf("seed file %s:\n%s", name, indent(msg))
	}
	return fmt.Sprintf("seed file %s: %s", name, msg)
}

func (e *FileError) Unwrap() error { return e.Err }

func fileError(name string, err error) error { return &FileError{Name: name, Err: err} }

// Wrap prefixes a vendor's seed errors with the file's name, the way Parse
// words its own errors (a *FileError). nil stays nil.
func Wrap(f *File, err error) error {
	if err == nil {
		return nil
	}
	name := ""
	if f != nil {
		name = f.Name
	}
	return fileError(name, err)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func looksJSON(name string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return true
	}
	t := bytes.TrimSpace(data)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// fromJSON checks data is one JSON value, with no object holding the same
// member twice (encoding/json would keep the last silently), and returns it.
func fromJSON(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := checkValue(dec, "", data); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: more after the end of the top-level value", lineOf(data, dec.InputOffset()))
	}
	return bytes.TrimSpace(data), nil
}

// checkValue reads one value from dec, refusing duplicate members. path is
// the value's path, for the message.
func checkValue(dec *json.Decoder, path string, data []byte) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonSyntax(err, data, dec)
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return jsonSyntax(err, data, dec)
			}
			key, _ := t.(string)
			if seen[key] {
				return fmt.Errorf("%s: %s has the member %q twice", lineOf(data, dec.InputOffset()), pathOr(path), key)
			}
			seen[key] = true
			if err := checkValue(dec, joinPath(path, key), data); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return jsonSyntax(err, data, dec)
		}
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := checkValue(dec, fmt.Sprintf("%s[%d]", path, i), data); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return jsonSyntax(err, data, dec)
		}
	}
	return nil
}

func pathOr(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonSyntax words a JSON syntax error with its line and column.
func jsonSyntax(err error, data []byte, dec *json.Decoder) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s: invalid JSON: %s", lineOf(data, se.Offset), strings.TrimPrefix(se.Error(), "json: "))
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("invalid JSON: the text ends before the value does")
	}
	return fmt.Errorf("%s: invalid JSON: %v", lineOf(data, dec.InputOffset()), err)
}

// lineOf renders a byte offset as "line L, column C".
func lineOf(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// fromYAML parses one YAML document and converts it to JSON. It works on
// yaml.v3's node tree rather than on what yaml.v3 decodes into interface{},
// so that every scalar keeps its text: a timestamp-like or date-like plain
// scalar stays the string it is written as, an integer keeps every digit.
func fromYAML(data []byte) ([]byte, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			return nil, yamlError(err)
		}
		return nil, errors.New("the file holds more than one YAML document (a line `---` after the first); a seed file is one document")
	}
	conv, err := jsonable(&doc, "", 0)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(conv)
	if err != nil {
		return nil, fmt.Errorf("converting YAML to JSON: %w", err)
	}
	return js, nil
}

func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "unmarshal errors:\n"); ok {
		msg = strings.Join(strings.Split(strings.TrimSpace(rest), "\n  "), "; ")
	}
	return fmt.Errorf("invalid YAML: %s", msg)
}

// jsonable converts a YAML node to a value encoding/json writes the same
// way: mappings (with their merge keys `<<` applied) to objects, sequences
// to lists, scalars by their resolved tag (!!int and !!float to numbers,
// !!bool, !!null, anything else to the string as written).
func jsonable(n *yaml.Node, path string, depth int) (any, error) {
	if depth > 100 {
		return nil, fmt.Errorf("line %d: %s nests more than 100 levels deep (an alias that refers to itself?)", n.Line, pathOr(path))
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return jsonable(n.Content[0], path, depth+1)
	case yaml.AliasNode:
		return jsonable(n.Alias, path, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := jsonable(c, fmt.Sprintf("%s[%d]", path, i), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		lines := map[string]int{}
		var merges []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
				merges = append(merges, v)
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: %s has a key that is not a plain value (a list or a mapping); keys are member names", k.Line, pathOr(path))
			}
			key := k.Value
			if l, dup := lines[key]; dup {
				return nil, fmt.Errorf("line %d: %s has the member %q twice (first at line %d)", k.Line, pathOr(path), key, l)
			}
			lines[key] = k.Line
			c, err := jsonable(v, joinPath(path, key), depth+1)
			if err != nil {
				return nil, err
			}
			out[key] = c
		}
		// Merged mappings give the members the mapping does not have
		// itself, the first merged one winning, as YAML's merge key says.
		for _, m := range merges {
			srcs := []*yaml.Node{m}
			if m.Kind == yaml.SequenceNode {
				srcs = m.Content
			}
			for _, src := range srcs {
				v, err := jsonable(src, path, depth+1)
				if err != nil {
					return nil, err
				}
				obj, ok := v.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("line %d: %s merges (<<) something that is not a mapping", m.Line, pathOr(path))
				}
				for k, e := range obj {
					if _, has := out[k]; !has {
						out[k] = e
					}
				}
			}
		}
		return out, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, fmt.Errorf("line %d: %s: %v", n.Line, pathOr(path), err)
			}
			return b, nil
		case "!!int":
			var i int64
			if n.Decode(&i) == nil {
				return i, nil
			}
			var u uint64
			if n.Decode(&u) == nil {
				return u, nil
			}
			return nil, fmt.Errorf("line %d: %s is the integer %s, too large for any id or number here", n.Line, pathOr(path), n.Value)
		case "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, fmt.Errorf("line %d: %s: %v", n.Line, pathOr(path), err)
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, fmt.Errorf("line %d: %s is %s, which JSON cannot hold; give a finite number (or quote it to make it a string)", n.Line, pathOr(path), n.Value)
			}
			return f, nil
		default:
			// !!str, !!timestamp, !!binary and any other tag: the text
			// as written.
			return n.Value, nil
		}
	}
	return nil, fmt.Errorf("line %d: %s: a YAML node of an unknown kind", n.Line, pathOr(path))
}

// top decodes the top level of a seed file and checks it.
func top(js []byte) (*File, error) {
	var errs Errors
	var members map[string]json.RawMessage
	if t := bytes.TrimSpace(js); len(t) == 0 || t[0] != '{' {
		return nil, fmt.Errorf("the top level is %s; a seed file is an object: `version: 1`, then any of the sections %s, %s and %s",
			describe(generic(t)), ServiceTrade, Kimoby, Kickserv)
	}
	if err := json.Unmarshal(js, &members); err != nil {
		return nil, fmt.Errorf("the top level: %v", err)
	}
	f := &File{}
	known := []string{"version", ServiceTrade, Kimoby, Kickserv}
	var unknown []string
	for k := range members {
		if !contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		errs.Add(k, "", "unknown top-level member%s; a seed file has only %s", suggest(k, known), strings.Join(known, ", "))
	}
	if v, ok := members["version"]; !ok {
		errs.Add("version", "", "missing: a seed file starts with `version: 1`")
	} else {
		var n json.Number
		if err := json.Unmarshal(v, &n); err != nil {
			errs.Add("version", "", "is %s, expected the number 1", describe(generic(v)))
		} else if n.String() != "1" {
			errs.Add("version", "", "%s is not a version this emulator knows: it reads version %d only", n, Version)
		} else {
			f.Version = Version
		}
	}
	for _, s := range []struct {
		name string
		dst  *json.RawMessage
	}{{ServiceTrade, &f.ServiceTrade}, {Kimoby, &f.Kimoby}, {Kickserv, &f.Kickserv}} {
		raw, ok := members[s.name]
		if !ok {
			continue
		}
		raw = json.RawMessage(bytes.TrimSpace(raw))
		switch {
		case string(raw) == "null":
			errs.Add(s.name, "", "is empty (null): write `%s: {}` for a %s with no objects, or leave the section out for its built-in seed", s.name, s.name)
		case raw[0] != '{':
			errs.Add(s.name, "", "is %s, expected an object whose members are kinds, each a list of entries", describe(generic(raw)))
		default:
			*s.dst = raw
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// generic decodes a JSON value for describe; nil on an error.
func generic(raw []byte) any {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil
	}
	return v
}
