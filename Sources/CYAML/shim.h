#ifndef TENET_CYAML_SHIM_H
#define TENET_CYAML_SHIM_H
#include <yaml.h>
#endif
