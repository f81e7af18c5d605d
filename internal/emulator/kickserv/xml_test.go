package kickserv

import (
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

// A request body whose text is split by comments or CDATA sections is read
// in time linear in its size: gathering the pieces into a string one by one
// copied every prefix, so a 1 MB body (the emulator's limit) split every
// few bytes took tens of seconds. Measured in allocated bytes, which a fast
// machine cannot hide.
func TestReadRecordAllocatesLinearly(t *testing.T) {
	for name, piece := range map[string]string{"comment": "a<!-- c -->", "cdata": "a<![CDATA[<b>]]>"} {
		t.Run(name, func(t *testing.T) {
			n := 20000
			body := `<employee><name>` + strings.Repeat(piece, n) + `</name></employee>`
			r := httptest.NewRequest("POST", "/acme/employees.xml", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/xml")
			var attrs map[string]inValue
			var err error
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			attrs, err = readRecord(r, "employee")
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Repeat(strings.NewReplacer("<!-- c -->", "", "<![CDATA[", "", "]]>", "").Replace(piece), n)
			if got := attrs["name"].text; got != want {
				t.Errorf("name has %d bytes, want %d", len(got), len(want))
			}
			if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(32*len(body)); got > limit {
				t.Errorf("reading %d bytes allocated %d bytes, want at most %d: reading is not linear", len(body), got, limit)
			}
		})
	}
}
