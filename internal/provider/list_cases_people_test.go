package provider_test

// listCasesPeople are the TestList_protocol cases of this group's list
// resources.
var listCasesPeople = []listCase{}
