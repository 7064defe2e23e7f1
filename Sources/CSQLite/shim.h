#ifndef TENET_CSQLITE_SHIM_H
#define TENET_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
