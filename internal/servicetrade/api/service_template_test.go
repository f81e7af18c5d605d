package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestServiceTemplateLifecycle(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	_, _, _, alarmID := seedIDs(t, c)
	users, err := c.ListUsers(ctx, api.UserFilter{Statuses: []string{"active", "inactive"}})
	if err != nil {
		t.Fatal(err)
	}
	var techs []int64
	for _, u := range users {
		if u.IsTech {
			techs = append(techs, u.ID)
		}
	}
	if len(techs) < 2 {
		t.Fatalf("want two seeded techs, got %v", techs)
	}

	monthly, three := "monthly", int64(3)
	st, err := c.CreateServiceTemplate(ctx, api.ServiceTemplateInput{
		Name: "Alarm Check", Description: "Check every alarm", ServiceLineID: alarmID, Frequency: monthly, Interval: &three, PreferredTechIDs: []int64{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.ID <= 1<<32 || st.ServiceLineID() != alarmID || st.Frequency != "monthly" || *st.Interval != 3 || st.RepeatWeekday ||
		st.EstimatedPrice != nil || st.Duration != nil || len(st.PreferredTechIDs()) != 0 || st.PreferredVendorID() != nil || st.Created == 0 {
		t.Errorf("created template = %+v", st)
	}

	// Values, then null to clear them; the techs compared as a set.
	on := true
	got, err := c.UpdateServiceTemplate(ctx, st.ID, api.ServiceTemplateInput{
		Name: "Alarm Check", Description: "Check every alarm", ServiceLineID: alarmID, RepeatWeekday: &on,
		EstimatedPrice: api.Some(120.5), Duration: api.Some[int64](5400), PreferredTechIDs: []int64{techs[1], techs[0]},
	})
	if err != nil || *got.EstimatedPrice != 120.5 || *got.Duration != 5400 || len(got.PreferredTechIDs()) != 2 || !got.RepeatWeekday || *got.Interval != 3 {
		t.Fatalf("UpdateServiceTemplate = %+v, %v", got, err)
	}
	got, err = c.UpdateServiceTemplate(ctx, st.ID, api.ServiceTemplateInput{
		Name: "Alarm Check", Description: "Check every alarm", ServiceLineID: alarmID,
		EstimatedPrice: api.Null[float64](), Duration: api.Null[int64](), PreferredVendorID: api.Null[int64](), PreferredTechIDs: []int64{},
	})
	if err != nil || got.EstimatedPrice != nil || got.Duration != nil || len(got.PreferredTechIDs()) != 0 || !got.RepeatWeekday {
		t.Fatalf("clearing UpdateServiceTemplate = %+v, %v", got, err)
	}

	// The list takes a name filter (a substring) across pages.
	list, err := c.ListServiceTemplates(ctx, api.ServiceTemplateFilter{})
	if err != nil || len(list) != len(emust.SeedServiceTemplates)+1 {
		t.Fatalf("ListServiceTemplates = %d templates, %v", len(list), err)
	}
	list, err = c.ListServiceTemplates(ctx, api.ServiceTemplateFilter{Name: "alarm"})
	if err != nil || len(list) != 1 || list[0].ID != st.ID {
		t.Fatalf("ListServiceTemplates(alarm) = %+v, %v", list, err)
	}

	// 409 while something refers to it; once deleted, 404 on GET and the
	// 403 on a second DELETE.
	e.ServiceTrade.SetServiceTemplateAssociations(st.ID, 1)
	if err := c.DeleteServiceTemplate(ctx, st.ID); !api.IsConflict(err) || !strings.Contains(err.Error(), "has associated items") {
		t.Errorf("DeleteServiceTemplate with associated items = %v, want the 409", err)
	}
	e.ServiceTrade.SetServiceTemplateAssociations(st.ID, 0)
	if err := c.DeleteServiceTemplate(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetServiceTemplate(ctx, st.ID); !api.IsNotFound(err) {
		t.Errorf("GetServiceTemplate after delete = %v, want not found", err)
	}
	if err := c.DeleteServiceTemplate(ctx, st.ID); api.IsNotFound(err) || err == nil {
		t.Errorf("second DeleteServiceTemplate = %v, want the emulator's 403", err)
	}
}

// What the reference returns decodes: a frequency the API does not take,
// null price, interval and duration, techs as users.
func TestServiceTemplateDecodesTheReferenceShapes(t *testing.T) {
	var sent map[string]json.RawMessage
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth2/token" {
			_, _ = io.WriteString(w, `{"access_token":"t","token_type":"Bearer","expires_in":3600}`)
			return
		}
		if r.Method == http.MethodPut {
			body, _ := io.ReadAll(r.Body)
			_ = json.Unmarshal(body, &sent)
		}
		_, _ = io.WriteString(w, `{"data":{"uri":"https://api.servicetrade.com/api/servicetemplate/223","id":223,"name":"Annual Flush",
"description":"Flush all the intercoolers","serviceLine":{"id":3,"name":"Backflow","trade":"Fire Protection","abbr":"BF","icon":"x"},
"frequency":"semiannually","interval":null,"repeatWeekday":true,"preferredTechs":[{"id":7,"uri":"u","name":"Terry Tekk"}],
"preferredVendor":{"id":9,"uri":"c","name":"V"},"estimatedPrice":null,"duration":null,"created":1370266450,"updated":1371456236}}`)
	}))
	defer srv.Close()
	c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
	ctx := context.Background()
	st, err := c.GetServiceTemplate(ctx, 223)
	if err != nil {
		t.Fatal(err)
	}
	if st.Frequency != "semiannually" || st.Interval != nil || !st.RepeatWeekday || st.EstimatedPrice != nil || st.Duration != nil ||
		st.ServiceLineID() != 3 || *st.PreferredVendorID() != 9 || len(st.PreferredTechIDs()) != 1 || st.PreferredTechIDs()[0] != 7 {
		t.Errorf("decoded %+v", st)
	}
	// An update leaves out what is not set and sends null for a cleared
	// value.
	if _, err := c.UpdateServiceTemplate(ctx, 223, api.ServiceTemplateInput{Name: "n", Description: "d", ServiceLineID: 3,
		Duration: api.Null[int64](), PreferredTechIDs: []int64{}}); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"duration": "null", "preferredTechIds": "[]", "serviceLineId": "3"} {
		if string(sent[key]) != want {
			t.Errorf("PUT sent %s = %s, want %s", key, sent[key], want)
		}
	}
	for _, key := range []string{"frequency", "interval", "repeatWeekday", "estimatedPrice", "preferredVendorId"} {
		if _, ok := sent[key]; ok {
			t.Errorf("PUT sent %s = %s; want it left out", key, sent[key])
		}
	}
}
