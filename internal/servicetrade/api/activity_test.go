package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestActivitiesListAndGet(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 4})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListActivities(ctx)
	if err != nil || len(all) <= 4 {
		t.Fatalf("ListActivities = %d activities, %v; want them all, across pages", len(all), err)
	}
	for _, id := range emust.SeedActivities() {
		if !slices.ContainsFunc(all, func(a api.Activity) bool { return a.ID == id }) {
			t.Errorf("activity %q not listed", id)
		}
	}
	got, err := c.GetActivity(ctx, "job.manage")
	if err != nil || got.Name != "Manage Jobs" || got.ID != "job.manage" {
		t.Fatalf("GetActivity(job.manage) = %+v, %v", got, err)
	}
	if _, err := c.GetActivity(ctx, "doesnt.exist"); !api.IsNotFound(err) {
		t.Errorf("GetActivity(doesnt.exist) = %v, want not found", err)
	}
	// An id is one path segment, whatever it holds.
	if _, err := c.GetActivity(ctx, "a/b"); !api.IsNotFound(err) {
		t.Errorf("GetActivity(a/b) = %v, want not found", err)
	}
}
