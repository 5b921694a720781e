package main

// #cgo pkg-config: vips
// #include <vips/vips.h>
import "C"

func initVips() { C.vips_init(C.CString("imgproxy-lite")) }
