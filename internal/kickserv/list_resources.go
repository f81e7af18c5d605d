package kickserv

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// ListResources lists the list resources of this vendor (Terraform 1.14's
// `terraform query`).
func ListResources() []func() list.ListResource {
	return kit.Of(NewEmployeeListResource)
}
