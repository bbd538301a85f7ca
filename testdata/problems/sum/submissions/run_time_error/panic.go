package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	panic(fmt.Sprint("boom ", a+b))
}
