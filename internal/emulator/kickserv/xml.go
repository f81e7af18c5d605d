package kickserv

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// xmlField is one attribute of a record as Rails' to_xml renders it.
type xmlField struct {
	name string // underscored; rendered dasherized
	typ  string // "", "integer", "boolean", "datetime"
	val  *string
}

func strField(name string, v *string) xmlField { return xmlField{name: name, val: v} }

func intField(name string, v int64) xmlField {
	return xmlField{name: name, typ: "integer", val: ptr(strconv.FormatInt(v, 10))}
}

func boolField(name string, v bool) xmlField {
	return xmlField{name: name, typ: "boolean", val: ptr(strconv.FormatBool(v))}
}

func timeField(name string, t time.Time) xmlField {
	return xmlField{name: name, typ: "datetime", val: ptr(t.In(zone).Format(time.RFC3339))}
}

// only parses ?only=a,b (underscored or dasherized names); nil means every
// attribute.
func only(r *http.Request) map[string]bool {
	raw := strings.TrimSpace(r.URL.Query().Get("only"))
	if raw == "" {
		return nil
	}
	m := map[string]bool{}
	for _, f := range strings.Split(raw, ",") {
		if f = normName(strings.TrimSpace(f)); f != "" {
			m[f] = true
		}
	}
	return m
}

// writeRecord renders one record: <employee><id type="integer">…</id>…,
// with nil values as <x nil="true"></x> (Rails 2's form).
func writeRecord(b *bytes.Buffer, root string, fields []xmlField, keep map[string]bool, indent string) {
	b.WriteString(indent + "<" + dasherize(root) + ">\n")
	for _, f := range fields {
		if keep != nil && !keep[f.name] {
			continue
		}
		tag := dasherize(f.name)
		b.WriteString(indent + "  <" + tag)
		if f.typ != "" {
			b.WriteString(` type="` + f.typ + `"`)
		}
		if f.val == nil {
			b.WriteString(` nil="true"></` + tag + ">\n")
			continue
		}
		b.WriteString(">")
		b.WriteString(escapeText(*f.val))
		b.WriteString("</" + tag + ">\n")
	}
	b.WriteString(indent + "</" + dasherize(root) + ">\n")
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func writeXML(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func writeOne(w http.ResponseWriter, status int, root string, fields []xmlField, keep map[string]bool) {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	writeRecord(&b, root, fields, keep, "")
	writeXML(w, status, b.Bytes())
}

// writeList renders <employees type="array">…</employees>. An empty list
// is rendered as Rails 2's Array#to_xml renders an empty array, whose root
// name comes from the class of its first element: <nil-classes
// type="array"/>.
func writeList(w http.ResponseWriter, plural, singular string, records [][]xmlField, keep map[string]bool) {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	if len(records) == 0 {
		b.WriteString(`<nil-classes type="array"/>` + "\n")
		writeXML(w, http.StatusOK, b.Bytes())
		return
	}
	b.WriteString("<" + dasherize(plural) + ` type="array">` + "\n")
	for _, rec := range records {
		writeRecord(&b, singular, rec, keep, "  ")
	}
	b.WriteString("</" + dasherize(plural) + ">\n")
	writeXML(w, http.StatusOK, b.Bytes())
}

// writeErrors renders Rails' record.errors.to_xml.
func writeErrors(w http.ResponseWriter, status int, msgs ...string) {
	var b bytes.Buffer
	b.WriteString(xmlHeader + "<errors>\n")
	for _, m := range msgs {
		b.WriteString("  <error>")
		b.WriteString(escapeText(m))
		b.WriteString("</error>\n")
	}
	b.WriteString("</errors>\n")
	writeXML(w, status, b.Bytes())
}

// escapeText escapes text content as Ruby's Builder does: only &, < and >
// (so "can't" stays readable in error messages).
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

func dasherize(s string) string { return strings.ReplaceAll(s, "_", "-") }
func normName(s string) string  { return strings.ReplaceAll(strings.ToLower(s), "-", "_") }

// inValue is one attribute of a request body. null is set for nil="true"
// and for an empty element, which Rails' XML parameter parser also turns
// into nil.
type inValue struct {
	text string
	null bool
}

// readRecord parses a request body such as <employee><name>John</name>…
// into attributes keyed by underscored name, accepting dashed names too.
// Like Rails, it parses the body only when the Content-Type is XML, and
// returns no attributes when the root is not the expected record (Rails
// would find params[:employee] empty). Malformed XML is an error (400).
func readRecord(r *http.Request, root string) (map[string]inValue, error) {
	attrs := map[string]inValue{}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/xml" && mt != "text/xml" {
		return attrs, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return attrs, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	depth := 0
	inRoot := false
	var cur string
	var curVal inValue
	// The text of an attribute may come in many pieces (each comment or
	// CDATA section ends one): gathered in a buffer, not by adding strings,
	// which would copy everything gathered so far for every piece.
	var curText []byte
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := normName(t.Name.Local)
			switch depth {
			case 1:
				inRoot = name == root
			case 2:
				cur, curVal, curText = name, inValue{}, curText[:0]
				for _, a := range t.Attr {
					if normName(a.Name.Local) == "nil" && a.Value == "true" {
						curVal.null = true
					}
				}
			}
		case xml.CharData:
			if depth == 2 {
				curText = append(curText, t...)
			}
		case xml.EndElement:
			if depth == 2 && inRoot {
				curVal.text = string(curText)
				if curVal.text == "" {
					curVal.null = true
				}
				attrs[cur] = curVal
			}
			depth--
		}
	}
	if depth != 0 {
		return nil, errors.New("unexpected end of XML")
	}
	return attrs, nil
}

// parseBool is ActiveRecord's boolean cast: "true", "t" and "1" are true,
// anything else false.
func parseBool(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "1":
		return true
	}
	return false
}
