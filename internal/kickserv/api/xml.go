package api

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// node is one element of a Rails-style XML document. Names are normalised
// to lower case with underscores, so that <employee-number> (what Rails'
// to_xml writes) and <employee_number> (what the docs' request examples
// use) are the same element.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string
}

// normName folds the dasherized and underscored spellings of a name.
func normName(s string) string { return strings.ReplaceAll(strings.ToLower(s), "-", "_") }

// parseXML reads a whole document into a tree. Processing instructions,
// comments and namespaces are ignored; unknown elements are kept (and later
// ignored by whoever reads the tree).
//
// An element's text may come in many CharData tokens (every comment or
// CDATA section ends one), so it is gathered in a buffer per open element
// and turned into a string once, at the end tag: adding each piece to a
// string would copy the text gathered so far every time, quadratic in the
// number of pieces (1.5 MB split by comments took over 20 s).
func parseXML(b []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.CharsetReader = charsetReader
	var root *node
	type open struct {
		n    *node
		text []byte
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: normName(t.Name.Local), attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[normName(a.Name.Local)] = a.Value
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1].n
				parent.children = append(parent.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, open{n: n})
		case xml.CharData:
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				top.text = append(top.text, t...)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.n.text = string(top.text)
				stack = stack[:len(stack)-1]
			}
		}
	}
	// The decoder refuses a document that ends inside an element, so the
	// stack is empty here; the text of any element left open is kept all
	// the same.
	for _, o := range stack {
		o.n.text = string(o.text)
	}
	if root == nil {
		return nil, errors.New("malformed XML: no root element")
	}
	return root, nil
}

// charsetReader accepts the encodings an old Rails app may declare besides
// UTF-8, which encoding/xml handles itself.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "utf8":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1":
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		out := make([]byte, 0, len(b))
		for _, c := range b {
			out = utf8.AppendRune(out, rune(c))
		}
		return bytes.NewReader(out), nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// child returns the first child element named name (normalised), or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// childrenNamed returns every child element named name.
func (n *node) childrenNamed(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// isNull reports an absent element or Rails' nil="true".
func (n *node) isNull() bool { return n == nil || strings.EqualFold(n.attrs["nil"], "true") }

// scalar converts a leaf element by its Rails type attribute: integer to
// int64, boolean to bool, datetime and date to time.Time, decimal and float
// to *big.Rat, anything else (no type, "string", "text", "symbol") to
// string. nil="true" gives nil.
func (n *node) scalar() (any, error) {
	if n.isNull() {
		return nil, nil
	}
	raw := strings.TrimSpace(n.text)
	switch strings.ToLower(n.attrs["type"]) {
	case "integer":
		return strconv.ParseInt(raw, 10, 64)
	case "boolean":
		b, ok := parseBool(raw)
		if !ok {
			return nil, fmt.Errorf("<%s> is not a boolean: %q", n.name, raw)
		}
		return b, nil
	case "datetime", "date":
		return parseTime(raw)
	case "decimal", "float":
		r, ok := new(big.Rat).SetString(raw)
		if !ok {
			return nil, fmt.Errorf("<%s> is not a number: %q", n.name, raw)
		}
		return r, nil
	}
	return n.text, nil
}

// parseBool reads the spellings Rails writes and accepts.
func parseBool(raw string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "true", "1", "t", "yes", "y":
		return true, true
	case "false", "0", "f", "no", "n":
		return false, true
	}
	return false, false
}

// timeLayouts are the forms Rails has used for datetimes in XML: xmlschema
// (with or without fractional seconds, "Z" or an offset), the to_s(:db)
// form with a zone, and a plain date.
var timeLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

func parseTime(raw string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, raw); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date/time %q", raw)
}

// str returns a child's text, or nil when it is absent, nil="true" or
// empty. Rails turns an empty element into nil on input, and blank form
// fields saved through the web UI come back empty: both mean "no value".
func (n *node) str(name string) *string {
	c := n.child(name)
	if c.isNull() || c.text == "" {
		return nil
	}
	s := c.text
	return &s
}

// integer reads a child as an int64 whether or not it carries type="integer".
func (n *node) integer(name string) (int64, bool, error) {
	c := n.child(name)
	if c.isNull() {
		return 0, false, nil
	}
	v, err := strconv.ParseInt(strings.TrimSpace(c.text), 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("<%s> is not an integer: %q", name, strings.TrimSpace(c.text))
	}
	return v, true, nil
}

// boolean reads a child as a bool whether or not it carries
// type="boolean"; absent, nil or unreadable values give def.
func (n *node) boolean(name string, def bool) bool {
	c := n.child(name)
	if c.isNull() {
		return def
	}
	if b, ok := parseBool(c.text); ok {
		return b
	}
	return def
}

// datetime reads a child as a time; absent, nil or unreadable gives nil.
func (n *node) datetime(name string) *time.Time {
	c := n.child(name)
	if c.isNull() {
		return nil
	}
	t, err := parseTime(strings.TrimSpace(c.text))
	if err != nil {
		return nil
	}
	return &t
}

// xmlBuilder writes a request body in the shape of the docs' examples:
// <employee><name>John</name><can_login>true</can_login></employee>.
type xmlBuilder struct {
	b bytes.Buffer
}

func (x *xmlBuilder) open(name string)  { x.b.WriteString("<" + name + ">") }
func (x *xmlBuilder) close(name string) { x.b.WriteString("</" + name + ">") }

// text writes <name>value</name>, or <name nil="true"/> when value is
// empty: Rails reads both an empty element and nil="true" as nil, and the
// explicit form says what is meant.
func (x *xmlBuilder) text(name, value string) {
	if value == "" {
		x.b.WriteString("<" + name + ` nil="true"/>`)
		return
	}
	x.open(name)
	_ = xml.EscapeText(&x.b, []byte(value))
	x.close(name)
}

func (x *xmlBuilder) boolean(name string, v bool) {
	x.open(name)
	x.b.WriteString(strconv.FormatBool(v))
	x.close(name)
}

func (x *xmlBuilder) bytes() []byte { return x.b.Bytes() }
