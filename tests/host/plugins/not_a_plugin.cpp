// An ordinary shared library: no Wasshoi entry points.
extern "C" int some_function() {
  return 42;
}
