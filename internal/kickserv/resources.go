// Package kickserv holds the fieldservice_kickserv_* resources and data
// sources. The API client lives in the api subpackage.
package kickserv

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists the Kickserv resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewEmployeeResource,
	}
}

// DataSources lists the Kickserv data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewEmployeeDataSource,
		NewEmployeesDataSource,
	}
}
