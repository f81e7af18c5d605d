package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestTagLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	seeded, err := c.ListTags(ctx, api.TagFilter{})
	if err != nil || len(seeded) != len(emust.SeedTags) || seeded[0].Name != emust.SeedTags[0] {
		t.Fatalf("ListTags = %+v, %v; want the %d seeded tags across pages", seeded, err, len(emust.SeedTags))
	}

	tag, err := c.CreateTag(ctx, "Quarterly Inspection")
	if err != nil {
		t.Fatal(err)
	}
	if tag.ID <= 1<<32 || tag.Name != "Quarterly Inspection" || !strings.HasSuffix(tag.URI, "/tag/"+strconv.FormatInt(tag.ID, 10)) {
		t.Errorf("created tag = %+v", tag)
	}
	// Get-or-create: the same name, in any case, answers the existing tag.
	again, err := c.CreateTag(ctx, "quarterly INSPECTION")
	if err != nil || again.ID != tag.ID || again.Name != "Quarterly Inspection" {
		t.Errorf("CreateTag of an existing name in another case = %+v, %v; want tag %d unchanged", again, err, tag.ID)
	}
	got, err := c.GetTag(ctx, tag.ID)
	if err != nil || *got != *tag {
		t.Fatalf("GetTag = %+v, %v; want %+v", got, err, tag)
	}

	found, err := c.TagsNamed(ctx, "QUARTERLY inspection")
	if err != nil || len(found) != 1 || found[0].ID != tag.ID {
		t.Errorf("TagsNamed = %+v, %v; want the one tag, ignoring case", found, err)
	}
	if found, err := c.TagsNamed(ctx, "Quarterly"); err != nil || len(found) != 0 {
		t.Errorf("TagsNamed(Quarterly) = %+v, %v; want none (the server's filter is a substring, the name must be whole)", found, err)
	}

	renamed, err := c.RenameTag(ctx, tag.ID, "Semiannual Inspection")
	if err != nil || renamed.ID != tag.ID || renamed.Name != "Semiannual Inspection" {
		t.Fatalf("RenameTag = %+v, %v", renamed, err)
	}
	if _, err := c.RenameTag(ctx, tag.ID, strings.ToUpper(emust.SeedTags[0])); !api.IsConflict(err) || !strings.Contains(err.Error(), "new tag name already in use") {
		t.Errorf("RenameTag to a name in use = %v, want 409 new tag name already in use", err)
	}

	if err := c.DeleteTag(ctx, tag.ID); err != nil {
		t.Fatalf("DeleteTag (a bare 200) = %v", err)
	}
	if _, err := c.GetTag(ctx, tag.ID); !api.IsNotFound(err) {
		t.Errorf("GetTag after delete = %v, want not found", err)
	}
	if _, err := c.RenameTag(ctx, tag.ID, "x"); !api.IsNotFound(err) {
		t.Errorf("RenameTag after delete = %v, want not found", err)
	}
	if err := c.DeleteTag(ctx, tag.ID); !api.IsNotFound(err) {
		t.Errorf("second DeleteTag = %v, want not found", err)
	}
}

// The reference's examples pass the name of POST /tag in the query
// string, while the API's other POSTs take a JSON body. CreateTag works
// against a server that reads only one of them, whichever it is: a front
// removes the other before the emulator sees the request.
func TestCreateTagWorksWhetherTheServerReadsTheQueryOrTheBody(t *testing.T) {
	for _, reads := range []string{"query", "body"} {
		t.Run(reads, func(t *testing.T) {
			e := emulator.New(emulator.Options{})
			var saw []string
			front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/tag") {
					body, _ := io.ReadAll(r.Body)
					saw = append(saw, r.URL.RawQuery+" "+string(body))
					if reads == "query" {
						body = nil
					} else {
						r.URL.RawQuery = ""
					}
					r.Body = io.NopCloser(strings.NewReader(string(body)))
					r.ContentLength = int64(len(body))
				}
				e.ServeHTTP(w, r)
			}))
			t.Cleanup(front.Close)
			c := newClient(t, flows[0].cfg(front.URL+emulator.ServiceTradePrefix))
			tag, err := c.CreateTag(context.Background(), "Fire & Safety")
			if err != nil || tag.Name != "Fire & Safety" {
				t.Fatalf("CreateTag with a server reading the %s only = %+v, %v", reads, tag, err)
			}
			if len(saw) != 1 || saw[0] != `name=Fire+%26+Safety {"name":"Fire \u0026 Safety"}` {
				t.Errorf("requests sent = %q; want the name in the query and in the body", saw)
			}
		})
	}
}
