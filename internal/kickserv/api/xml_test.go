package api

import (
	"math/big"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Rails has written the same record in several ways over the years; the
// decoder reads them all alike.
func TestDecodeEmployeeToleratesRailsVariants(t *testing.T) {
	dashed := `<?xml version="1.0" encoding="UTF-8"?>
<employee>
  <id type="integer">4294967297</id>
  <employee-number type="integer">12</employee-number>
  <name>Jos&#233; O&apos;Neil &amp; Sons</name>
  <username nil="true"></username>
  <email-address>jose@example.com</email-address>
  <can-login type="boolean">true</can-login>
  <active type="boolean">false</active>
  <is-account-owner type="boolean">false</is-account-owner>
  <cell-phone></cell-phone>
  <home-phone nil="true"/>
  <zip-code>55555</zip-code>
  <notify-via-email type="boolean">1</notify-via-email>
  <hourly-rate type="decimal">17.25</hourly-rate>
  <encrypted-password>c2VjcmV0</encrypted-password>
  <password-salt>c2FsdA==</password-salt>
  <remember-token>abc</remember-token>
  <created-at type="datetime">2009-01-02T09:00:00-06:00</created-at>
  <updated-at type="datetime">2009-01-02T15:00:00Z</updated-at>
  <some-future-field><nested>ignored</nested></some-future-field>
</employee>`
	underscored := `<employee><id>4294967297</id><employee_number>12</employee_number><name>José O'Neil &amp; Sons</name>` +
		`<email_address>jose@example.com</email_address><can_login>true</can_login><active>false</active>` +
		`<zip_code>55555</zip_code><notify_via_email>true</notify_via_email>` +
		`<created_at>2009-01-02 09:00:00 -0600</created_at><updated_at>2009-01-02 15:00:00 UTC</updated_at></employee>`
	for name, doc := range map[string]string{"dashed with types": dashed, "underscored without types": underscored} {
		t.Run(name, func(t *testing.T) {
			e, ok, err := decodeOneEmployee([]byte(doc))
			if err != nil || !ok {
				t.Fatalf("decode: %v, %v", ok, err)
			}
			if e.ID != 4294967297 || e.Number != 12 || e.Name != "José O'Neil & Sons" {
				t.Errorf("identity = %d/%d/%q", e.ID, e.Number, e.Name)
			}
			if e.Username != nil || e.CellPhone != nil || e.HomePhone != nil {
				t.Errorf("nil and empty values must decode as null: %+v", e)
			}
			if e.EmailAddress == nil || *e.EmailAddress != "jose@example.com" || e.ZipCode == nil || *e.ZipCode != "55555" {
				t.Errorf("strings = %+v", e)
			}
			if !e.CanLogin || e.Active || e.IsAccountOwner || !e.NotifyViaEmail || e.NotifyViaMobile {
				t.Errorf("booleans = %+v", e)
			}
			wantCreated := time.Date(2009, 1, 2, 15, 0, 0, 0, time.UTC)
			if e.CreatedAt == nil || !e.CreatedAt.Equal(wantCreated) || e.UpdatedAt == nil || !e.UpdatedAt.Equal(wantCreated) {
				t.Errorf("times = %v, %v; want %v", e.CreatedAt, e.UpdatedAt, wantCreated)
			}
		})
	}
}

func TestDecodeRejectsRecordsWithoutIdentifiers(t *testing.T) {
	for _, doc := range []string{
		`<employee><name>x</name><employee-number>3</employee-number></employee>`,
		`<employee><id>7</id><name>x</name></employee>`,
		`<employee><id>7</id><employee-number type="integer">three</employee-number></employee>`,
	} {
		if _, _, err := decodeOneEmployee([]byte(doc)); err == nil {
			t.Errorf("decoding %s succeeded; want an error", doc)
		}
	}
}

func TestScalarFollowsTypeAttributes(t *testing.T) {
	root, err := parseXML([]byte(`<r><i type="integer">-5</i><b type="boolean">false</b><d type="decimal">17.25</d>` +
		`<t type="datetime">2009-01-02T09:00:00Z</t><n type="integer" nil="true"/><s>text</s></r>`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"i": int64(-5), "b": false, "d": big.NewRat(69, 4), "t": time.Date(2009, 1, 2, 9, 0, 0, 0, time.UTC), "n": nil, "s": "text"}
	for name, w := range want {
		got, err := root.child(name).scalar()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch wv := w.(type) {
		case *big.Rat:
			if g, ok := got.(*big.Rat); !ok || g.Cmp(wv) != 0 {
				t.Errorf("%s = %v, want %v", name, got, w)
			}
		case time.Time:
			if g, ok := got.(time.Time); !ok || !g.Equal(wv) {
				t.Errorf("%s = %v, want %v", name, got, w)
			}
		default:
			if got != w {
				t.Errorf("%s = %#v, want %#v", name, got, w)
			}
		}
	}
	if _, err := (&node{name: "x", attrs: map[string]string{"type": "boolean"}, text: "maybe"}).scalar(); err == nil {
		t.Error("a boolean that is neither true nor false was accepted")
	}
}

func TestListShapes(t *testing.T) {
	cases := map[string]int{
		`<employees type="array"><employee><id>1</id><employee-number>1</employee-number></employee><employee><id>2</id><employee-number>2</employee-number></employee></employees>`: 2,
		`<employees type="array"/>`:        0,
		`<nil-classes type="array"/>`:      0,
		`<objects type="array"></objects>`: 0,
	}
	for doc, want := range cases {
		root, err := parseXML([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := len(root.childrenNamed("employee")); got != want {
			t.Errorf("%s: %d employees, want %d", doc, got, want)
		}
	}
}

func TestLatin1DocumentsAreDecoded(t *testing.T) {
	doc := append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><employee><id>1</id><employee-number>1</employee-number><name>Jos`), 0xe9, '<', '/', 'n', 'a', 'm', 'e', '>')
	doc = append(doc, []byte(`</employee>`)...)
	e, ok, err := decodeOneEmployee(doc)
	if err != nil || !ok || e.Name != "José" {
		t.Fatalf("decoded %+v, %v, %v", e, ok, err)
	}
}

func TestErrorMessages(t *testing.T) {
	cases := []struct {
		body string
		want []string
	}{
		{`<?xml version="1.0" encoding="UTF-8"?><errors><error>Name can't be blank</error><error>Username has already been taken</error></errors>`,
			[]string{"Name can't be blank", "Username has already been taken"}},
		{`<errors><error>Invalid Username, Account or password.</error></errors>`, []string{"Invalid Username, Account or password."}},
		{`<hash><error>Record is invalid</error></hash>`, []string{"Record is invalid"}},
		{"<html><head><title>The page you were looking for doesn't exist (404)</title></head><body><p>x<br></body></html>",
			[]string{"The page you were looking for doesn't exist (404)"}},
		{"Only get and put requests are allowed.", []string{"Only get and put requests are allowed."}},
		{"   ", nil},
		{strings.Repeat("x", 300), []string{strings.Repeat("x", 200) + "…"}},
	}
	for _, tc := range cases {
		got := errorMessages([]byte(tc.body))
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("errorMessages(%.40q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestIsNotFoundNeedsARecordAndTheRightAnswer(t *testing.T) {
	cases := []struct {
		err  *Error
		want bool
	}{
		{&Error{APIError: transport.APIError{StatusCode: 404}, Record: "5"}, true},
		{&Error{APIError: transport.APIError{StatusCode: 404}}, false}, // a collection request: wrong base URL, not a gone record
		{&Error{APIError: transport.APIError{StatusCode: 400}, Record: "5", Messages: []string{"Record is invalid"}}, true},
		{&Error{APIError: transport.APIError{StatusCode: 400}, Record: "5", Messages: []string{"Invalid record"}}, true},
		{&Error{APIError: transport.APIError{StatusCode: 400}, Record: "5", Messages: []string{"Malformed XML: unexpected EOF"}}, false},
		{&Error{APIError: transport.APIError{StatusCode: 400}, Messages: []string{"Record is invalid"}}, false},
		{&Error{APIError: transport.APIError{StatusCode: 422}, Record: "5", Messages: []string{"Email address is invalid"}}, false},
		{&Error{APIError: transport.APIError{StatusCode: 401}, Record: "5"}, false},
	}
	for _, tc := range cases {
		if got := IsNotFound(tc.err); got != tc.want {
			t.Errorf("IsNotFound(%d record=%q %q) = %v, want %v", tc.err.StatusCode, tc.err.Record, tc.err.Messages, got, tc.want)
		}
	}
}

func TestEmployeeInputXML(t *testing.T) {
	name, empty, pw := "O'Neil & <Sons>", "", "s3cret"
	yes := true
	in := EmployeeInput{Name: &name, CellPhone: &empty, CanLogin: &yes, Password: &pw}
	got := string(in.xml())
	want := `<employee><name>O&#39;Neil &amp; &lt;Sons&gt;</name><cell_phone nil="true"/><can_login>true</can_login><password>s3cret</password></employee>`
	if got != want {
		t.Errorf("xml = %s\nwant  %s", got, want)
	}
	if (EmployeeInput{Password: &empty}).Empty() != true || in.Empty() {
		t.Error("Empty() is wrong")
	}
	if strings.Contains(string(EmployeeInput{Password: &empty}.xml()), "password") {
		t.Error("an empty password was sent")
	}
}

// splitTextDoc is an employee whose name is n copies of piece: text that
// encoding/xml hands over in many pieces when piece holds a comment or a
// CDATA section (each ends one CharData token and starts another).
func splitTextDoc(piece string, n int) []byte {
	return []byte(`<employee><id>1</id><employee-number>1</employee-number><name>` + strings.Repeat(piece, n) + `</name></employee>`)
}

// splitPieces are text split by a comment, by a CDATA section, by an
// entity and by a character reference, with the text each stands for.
var splitPieces = []struct{ name, piece, text string }{
	{"comment", "a<!-- c -->", "a"},
	{"cdata", "a<![CDATA[<b>]]>", "a<b>"},
	{"entity", "a&amp;", "a&"},
	{"charref", "a&#233;", "aé"},
}

// allocatedBytes is how many bytes f allocates, from the runtime's own
// count: deterministic for a single-goroutine f, unlike a timing.
func allocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Decoding is linear in the size of the document however its text is
// split: a document split into 20,000 pieces used to allocate (and copy)
// every prefix of its text, 20,000²/2 bytes, and 1.5 MB took over 20 s.
// The bound is on allocated bytes, which quadratic work cannot hide behind
// a fast machine.
func TestParseXMLAllocatesLinearly(t *testing.T) {
	for _, p := range splitPieces {
		t.Run(p.name, func(t *testing.T) {
			doc := splitTextDoc(p.piece, 20000)
			var err error
			got := allocatedBytes(func() { _, err = parseXML(doc) })
			if err != nil {
				t.Fatal(err)
			}
			// encoding/xml copies each token, so a few times the input
			// is expected; quadratic work is hundreds of times it.
			if limit := uint64(32 * len(doc)); got > limit {
				t.Errorf("parsing %d bytes allocated %d bytes (%.0f× the input), want at most %d: decoding is not linear", len(doc), got, float64(got)/float64(len(doc)), limit)
			}
		})
	}
}

// A few megabytes of text split every few bytes decode whole, and fast
// enough for the default test timeout (quadratic decoding needed hours).
func TestParseXMLLargeSplitText(t *testing.T) {
	for _, p := range splitPieces {
		t.Run(p.name, func(t *testing.T) {
			n := (3 << 20) / len(p.piece)
			e, ok, err := decodeOneEmployee(splitTextDoc(p.piece, n))
			if err != nil || !ok {
				t.Fatalf("decode: %v, %v", ok, err)
			}
			if want := strings.Repeat(p.text, n); e.Name != want {
				t.Errorf("name has %d bytes, want %d", len(e.Name), len(want))
			}
		})
	}
}

// BenchmarkParseXMLSplitText measures decoding of 1.5 MB of text split by
// comments, CDATA sections or entities.
func BenchmarkParseXMLSplitText(b *testing.B) {
	for _, p := range splitPieces {
		b.Run(p.name, func(b *testing.B) {
			doc := splitTextDoc(p.piece, (3<<19)/len(p.piece))
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := parseXML(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
