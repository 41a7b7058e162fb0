package namekey_test

import (
	"fmt"

	"github.com/casefile/casefile/namekey"
)

func ExampleKey() {
	fmt.Println(namekey.Key("DOE, JOSE A."))
	fmt.Println(namekey.Key("Mr. José A. Doe"))
	fmt.Println(namekey.Key("Jose Doe Jr."))
	// Output:
	// a doe jose
	// a doe jose
	// doe jose jr
}

func ExampleCompatible() {
	fmt.Println(namekey.Compatible("John A. Doe", "J. Doe"))
	fmt.Println(namekey.Compatible("John A. Doe", "John B. Doe"))
	fmt.Println(namekey.Compatible("John Doe Jr.", "John Doe Sr."))
	fmt.Println(namekey.Compatible("Doe", "John Doe"))
	// Output:
	// true
	// false
	// false
	// false
}

func ExampleOrgKey() {
	fmt.Println(namekey.OrgKey("The Acme Company, Inc."))
	fmt.Println(namekey.OrgKey("United States Court of Appeals for the Ninth Circuit"))
	// Output:
	// acme
	// 9th appeals circuit court us
}
