package servicetrade_test

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// listElem returns the flatmap prefix ("<list>.<i>.") of the first element
// of a data source's list attribute whose field equals value.
func listElem(s *terraform.State, dsAddr, list, field, value string) (string, error) {
	rs, ok := s.RootModule().Resources[dsAddr]
	if !ok {
		return "", fmt.Errorf("%s not found in state", dsAddr)
	}
	n, err := strconv.Atoi(rs.Primary.Attributes[list+".#"])
	if err != nil {
		return "", fmt.Errorf("%s has no %s list", dsAddr, list)
	}
	for i := 0; i < n; i++ {
		prefix := fmt.Sprintf("%s.%d.", list, i)
		if rs.Primary.Attributes[prefix+field] == value {
			return prefix, nil
		}
	}
	return "", fmt.Errorf("%s: no element of %s (%d elements) has %s = %q", dsAddr, list, n, field, value)
}

// checkListHasResource checks that the data source's list holds the
// resource: the element with the resource's id has the resource's values
// for every field.
func checkListHasResource(dsAddr, list, resAddr string, fields ...string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		res, ok := s.RootModule().Resources[resAddr]
		if !ok {
			return fmt.Errorf("%s not found in state", resAddr)
		}
		prefix, err := listElem(s, dsAddr, list, "id", res.Primary.ID)
		if err != nil {
			return err
		}
		attrs := s.RootModule().Resources[dsAddr].Primary.Attributes
		for _, f := range fields {
			if got, want := attrs[prefix+f], res.Primary.Attributes[f]; got != want {
				return fmt.Errorf("%s %s%s = %q, want %q (from %s)", dsAddr, prefix, f, got, want, resAddr)
			}
		}
		return nil
	}
}

// checkListElem checks the attributes of the element whose field equals
// value.
func checkListElem(dsAddr, list, field, value string, want map[string]string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		prefix, err := listElem(s, dsAddr, list, field, value)
		if err != nil {
			return err
		}
		attrs := s.RootModule().Resources[dsAddr].Primary.Attributes
		for k, v := range want {
			if got := attrs[prefix+k]; got != v {
				return fmt.Errorf("%s %s%s = %q, want %q", dsAddr, prefix, k, got, v)
			}
		}
		return nil
	}
}
