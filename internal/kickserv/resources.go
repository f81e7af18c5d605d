// Package kickserv holds the fieldservice_kickserv_* resources and data
// sources. The API client lives in the api subpackage.
package kickserv

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// Resources lists the Kickserv resources.
func Resources() []func() resource.Resource { return kit.Of(NewEmployeeResource) }

// DataSources lists the Kickserv data sources.
func DataSources() []func() datasource.DataSource {
	return kit.Of(NewEmployeeDataSource, NewEmployeesDataSource)
}
