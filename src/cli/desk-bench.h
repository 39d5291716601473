/* desk-bench.h: copydesk-merge bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int desk_bench_run (int    argc,
                    char **argv);

G_END_DECLS
