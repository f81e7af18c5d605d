package servicetrade

import (
	"errors"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// vendor is ServiceTrade as every resource's Create (lostcreate.Create)
// names it, with the way to read the status of an answer from the
// client's errors.
var vendor = lostcreate.Vendor{Name: "ServiceTrade", Status: func(err error) int {
	var e *api.Error
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}}
