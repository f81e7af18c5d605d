package api

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// fuzzStatuses are the statuses a fuzzed answer comes with, picked by the
// fuzzer's code byte.
var fuzzStatuses = []int{200, 201, 204, 400, 401, 404, 422, 429, 500, 502, 503}

// stubHTTP answers every request with one status and body, without a
// network.
type stubHTTP struct {
	status int
	body   []byte
}

func (s stubHTTP) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{
		StatusCode: s.status, Status: strconv.Itoa(s.status) + " " + http.StatusText(s.status),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/xml; charset=utf-8"}},
		Body:          io.NopCloser(bytes.NewReader(s.body)),
		ContentLength: int64(len(s.body)),
		Request:       r,
	}, nil
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
// a panic, and an error must say what the server answered.
func FuzzKickservXML(f *testing.F) {
	seeds := []string{
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
		strings.Repeat("<x>", 5000) + strings.Repeat("</x>", 5000),
		`<employee><id>1</id>`,
		``, `   `, `<`, `<!-- only a comment -->`,
	}
	for i, s := range seeds {
		f.Add([]byte(s), byte(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, code byte) {
		status := fuzzStatuses[int(code)%len(fuzzStatuses)]

		// The decoders themselves.
		root, err := parseXML(body)
		if (root == nil) == (err == nil) {
			t.Fatalf("parseXML gave root=%v err=%v: want exactly one", root, err)
		}
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
		msgs := errorMessages(body)
		if len(bytes.TrimSpace(body)) > 0 {
			if len(msgs) == 0 {
				t.Fatal("errorMessages found nothing to say about a non-empty body")
			}
			for _, m := range msgs {
				if strings.TrimSpace(m) == "" {
					t.Fatalf("errorMessages gave an empty message among %q", msgs)
				}
			}
		}

		// The client, with the fuzzed answer to every request (and every
		// page of a list).
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:9", Account: "acme", APIToken: "fuzz-token-0123456789",
			HTTP: transport.Config{HTTPClient: &http.Client{Transport: stubHTTP{status, body}}, Retry: transport.RetryPolicy{MaxAttempts: 1}},
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		check := func(op string, gotResult bool, err error) {
			t.Helper()
			if status >= 200 && status <= 299 {
				if err == nil && !gotResult {
					t.Fatalf("%s: a %d answer gave neither a result nor an error", op, status)
				}
				return
			}
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("%s: a %d answer gave %v (%T), want an *Error with that status", op, status, err, err)
			}
			if msg := err.Error(); !strings.Contains(msg, strconv.Itoa(status)) {
				t.Fatalf("%s: error %q does not name the status", op, msg)
			}
			var authErr *AuthError
			if (status == http.StatusUnauthorized) != errors.As(err, &authErr) {
				t.Fatalf("%s: a %d answer gave %T", op, status, err)
			}
		}
		e, err := c.GetEmployee(ctx, 12)
		check("GetEmployee", e != nil, err)
		list, err := c.ListEmployees(ctx, EmployeeFilter{})
		check("ListEmployees", true, err)
		_ = list
		name := "Fuzz"
		created, err := c.CreateEmployee(ctx, EmployeeInput{Name: &name})
		check("CreateEmployee", created != nil, err)
		updated, err := c.UpdateEmployee(ctx, 12, EmployeeInput{Name: &name})
		check("UpdateEmployee", updated != nil, err)
		_ = IsNotFound(err)
		_ = IsValidation(err)
	})
}
