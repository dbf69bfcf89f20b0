/* lo-core.h: the GLib-only model of Lights Out (umbrella header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-types.h"
#include "lo-bank.h"
#include "lo-engagement.h"
#include "lo-limits.h"
#include "lo-score.h"
#include "lo-roadmap.h"
#include "lo-roi.h"
#include "lo-programme.h"
#include "lo-firm.h"
#include "lo-format.h"
#include "lo-process-template.h"
#include "lo-output-file.h"
#include "lo-analysis.h"
#include "lo-merge.h"
