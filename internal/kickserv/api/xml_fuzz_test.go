package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/fuzzcheck"
)

// fuzzStatuses are the statuses a fuzzed answer comes with, picked by the
// fuzzer's code byte.
var fuzzStatuses = fuzzcheck.Statuses{200, 201, 204, 400, 401, 404, 422, 429, 500, 502, 503}

// fuzzServer answers every request with one status and body, except that
// pages after the first of a list are empty, so that a listing's result is
// exactly what the fuzzed page holds.
func fuzzServer(t *testing.T, status int, body []byte) *fuzzcheck.Server {
	return fuzzcheck.NewServer(t, "application/xml; charset=utf-8", func(r *http.Request) (int, []byte) {
		if fuzzcheck.LaterPage(r) {
			return http.StatusOK, []byte(`<nil-classes type="array"/>`)
		}
		return status, body
	})
}

// checkAPIError holds a call to the contract for a non-2xx answer: an
// *Error with that status (an *AuthError for 401) whose message names it.
func checkAPIError(t *testing.T, op string, status int, err error) {
	t.Helper()
	fuzzcheck.APIError[*Error](t, op, status, err)
	var authErr *AuthError
	if (status == http.StatusUnauthorized) != errors.As(err, &authErr) {
		t.Fatalf("%s: a %d answer gave %T", op, status, err)
	}
}

// listed is what a list page root holds for filter f: its <employee>
// children that match, and whether the page is a readable list at all (a
// root that is itself an employee, or an employee without identifiers,
// is not).
func listed(root *node, f EmployeeFilter) ([]Employee, bool) {
	if root == nil || root.name == "employee" {
		return nil, false
	}
	var out []Employee
	for _, n := range root.childrenNamed("employee") {
		e, err := decodeEmployee(n)
		if err != nil {
			return nil, false
		}
		if f.Active == nil || e.Active == *f.Active {
			out = append(out, e)
		}
	}
	return out, true
}

// xmlSafe is what s becomes when written as XML text: each rune XML cannot
// carry (and each byte that is not UTF-8) replaced by U+FFFD, as
// xml.EscapeText does.
func xmlSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= utf8.MaxRune) {
			b.WriteRune(r)
		} else {
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}

// roundTrip writes s as the text of every kind of field of a request body
// and parses the body back: each field must read as what was written.
func roundTrip(t *testing.T, s string) {
	t.Helper()
	yes := true
	in := EmployeeInput{Name: &s, City: &s, CanLogin: &yes, Password: &s}
	body := in.xml()
	root, err := parseXML(body)
	if err != nil {
		t.Fatalf("the body written for %q does not parse: %v\n%s", s, err, body)
	}
	if root.name != "employee" {
		t.Fatalf("the body written for %q has root <%s>", s, root.name)
	}
	want := xmlSafe(s)
	for _, field := range []string{"name", "city", "password"} {
		c := root.child(field)
		if field == "password" && s == "" {
			if c != nil {
				t.Fatalf("an empty password was written: %s", body)
			}
			continue
		}
		if want == "" {
			// An empty text is written as nil="true", which Rails reads
			// as nil, as it would an empty element.
			if !c.isNull() {
				t.Fatalf("<%s> for an empty value reads as %q, not nil: %s", field, c.text, body)
			}
			continue
		}
		if c.isNull() {
			t.Fatalf("<%s> written for %q reads back as nil\n%s", field, s, body)
		}
		if c.text != want {
			t.Fatalf("<%s> written for %q reads back as %q; want %q\n%s", field, s, c.text, want, body)
		}
	}
	if !root.boolean("can_login", false) {
		t.Fatalf("can_login=true reads back false: %s", body)
	}
}

// walk visits every node of a tree without recursion (fuzzed documents
// may nest deeply) and converts each by its type attribute.
func walk(root *node) {
	stack := []*node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		_, _ = n.scalar()
		stack = append(stack, n.children...)
	}
}

// FuzzKickservXML feeds arbitrary bodies to the XML parser, the employee
// and list decoders and the <errors> decoder, directly and through the
// client with each status: any input must give a result or an error, never
// a panic; an error must say what the server answered; a success must
// return exactly the employee (or, filtered, the employees) the body holds;
// and the body, as an employee's text fields, must read back as written.
func FuzzKickservXML(f *testing.F) {
	fuzzcheck.Seed(f,
		`<?xml version="1.0" encoding="UTF-8"?><employee><id type="integer">4294967297</id><employee-number type="integer">12</employee-number><name>Jos&#233;</name><active type="boolean">true</active><created-at type="datetime">2009-01-02T09:00:00-06:00</created-at></employee>`,
		`<employees type="array"><employee><id>1</id><employee_number>1</employee_number><name>a</name></employee><employee><id>2</id><employee_number>2</employee_number></employee></employees>`,
		`<employees type="array"/>`,
		`<nil-classes type="array"/>`,
		`<?xml version="1.0" encoding="UTF-8"?><errors><error>Name can't be blank</error><error>Username has already been taken</error></errors>`,
		`<error>Record is invalid</error>`,
		`<errors><error/></errors>`,
		`<html><head><title>404 Not Found</title></head><body>The page you were looking for doesn't exist.</body></html>`,
		`{"message":"injected fault: Service Unavailable"}`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><employee><id>1</id><employee-number>1</employee-number><name>Jos\xe9</name></employee>",
		`<?xml version="1.0" encoding="EBCDIC"?><employee/>`,
		`<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><employee><name>&lol2;</name></employee>`,
		`<employee><id type="integer">99999999999999999999</id><employee-number>-1</employee-number></employee>`,
		`<employee><id>1</id><employee_number>2</employee_number><salary type="decimal">1e999999999</salary><rate type="float">1/0</rate></employee>`,
		`<a:employee xmlns:a="urn:x"><a:id>1</a:id><a:employee-number>1</a:employee-number></a:employee>`,
		strings.Repeat("<x>", 5000)+strings.Repeat("</x>", 5000),
		`<employee><id>1</id>`,
		``, `   `, `<`, `<!-- only a comment -->`,
		`<employees type="array"><employee><id>1</id><employee-number>1</employee-number><active>false</active></employee><employee><id>2</id><employee-number>2</employee-number></employee><employee><id>3</id><employee-number>3</employee-number><active>f</active></employee></employees>`,
		// Text in many pieces: decoding must stay linear (see
		// TestParseXMLAllocatesLinearly).
		`<employee><id>1</id><employee-number>1</employee-number><name>`+strings.Repeat("a<!---->", 1000)+`</name></employee>`,
		`<employee><id>1</id><employee-number>1</employee-number><name>`+strings.Repeat("a<![CDATA[&<>]]>", 1000)+`</name></employee>`,
		"name with\ttab,\r\nCRLF, \"quotes\" & <angles> \x00\xff\xef\xbf\xbe",
	)
	f.Fuzz(func(t *testing.T, body []byte, code byte) {
		status := fuzzStatuses.Pick(code)

		// The decoders themselves.
		root, err := parseXML(body)
		fuzzcheck.ResultOrError(t, "parseXML", root, err)
		if root != nil {
			walk(root)
			_, _ = decodeEmployee(root)
			for _, n := range root.childrenNamed("employee") {
				_, _ = decodeEmployee(n)
			}
		}
		if e, ok, err := decodeOneEmployee(body); ok && (e == nil || err != nil) {
			t.Fatalf("decodeOneEmployee gave ok with %v, %v", e, err)
		}
		fuzzcheck.SaysSomething(t, "errorMessages", body, errorMessages(body)...)

		// What the client writes, it reads back: the fuzzed bytes as an
		// employee's name round-trip through the request body builder and
		// the parser (bytes XML cannot carry becoming U+FFFD).
		roundTrip(t, string(body))

		// The client, with the fuzzed answer to every request (and an empty
		// page after the first of a list).
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:9", Account: "acme", APIToken: "fuzz-token-0123456789",
			HTTP: fuzzServer(t, status, body).HTTP(),
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		success := fuzzcheck.Success(status)
		// The employee the body holds, if any, is what a single-record call
		// must return; without one, it must fail.
		want, wantOK, _ := decodeOneEmployee(body)
		same := func(op string, got *Employee, err error, mustSucceed bool) {
			t.Helper()
			if !success {
				checkAPIError(t, op, status, err)
				return
			}
			fuzzcheck.Decoded(t, op, got, err, want, wantOK, mustSucceed)
		}
		e, err := c.GetEmployee(ctx, 12)
		same("GetEmployee", e, err, wantOK && root != nil && root.name == "employee")
		name := "Fuzz"
		created, err := c.CreateEmployee(ctx, EmployeeInput{Name: &name})
		same("CreateEmployee", created, err, wantOK)
		updated, err := c.UpdateEmployee(ctx, 12, EmployeeInput{Name: &name})
		same("UpdateEmployee", updated, err, wantOK)
		_ = IsNotFound(err)
		_ = IsValidation(err)

		// A list holds the <employee> children of the page, filtered on
		// the client whether or not the server filtered.
		for _, f := range []EmployeeFilter{{}, {Active: new(bool)}} {
			op := "ListEmployees(active unset)"
			if f.Active != nil {
				op = fmt.Sprintf("ListEmployees(active=%t)", *f.Active)
			}
			list, err := c.ListEmployees(ctx, f)
			if !success {
				checkAPIError(t, op, status, err)
				continue
			}
			wantList, decodable := listed(root, f)
			fuzzcheck.Listed(t, op, list, err, wantList, decodable, decodable)
		}
	})
}
