package casemeta

import "testing"

// TestCaptionSocialSecurity checks that "Social Security" ends a party's
// name only as a form's number label after it, not in an agency's name.
func TestCaptionSocialSecurity(t *testing.T) {
	head := "UNITED STATES DISTRICT COURT\nDISTRICT OF NOWHERE\n\nJANE DOE,\n        Plaintiff,\nv.\n"
	tests := []struct{ page, want string }{
		{head + "SOCIAL SECURITY ADMINISTRATION,\n        Defendant.\n\nORDER\n", "Doe v. Social Security Administration"},
		{head + "COMMISSIONER OF SOCIAL SECURITY,\n        Defendant.\n\nORDER\n", "Doe v. Commissioner of Social Security"},
		{"Jane Doe v. Social Security Administration\n", "Doe v. Social Security Administration"},
	}
	for _, tt := range tests {
		if got := caption(tt.page); got != tt.want {
			t.Errorf("caption(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}
