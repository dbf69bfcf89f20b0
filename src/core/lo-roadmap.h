/* lo-roadmap.h: the stepwise roadmap from the overall level to 5 (SPEC §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lo-score.h"

G_BEGIN_DECLS

typedef struct
{
  const LoQuestion *question;  /* borrowed from the bank */
  int               level;     /* the action's level 2 … 5; 0 = "find out first" */
  const char       *action;    /* the bank's action text; NULL for "find out first" */
} LoRoadmapItem;

typedef struct
{
  int       level;         /* the level this step reaches */
  GArray   *items;         /* LoRoadmapItem, dimension by dimension in bank order,
                            * questions in bank order, levels ascending */
  GPtrArray *processes;    /* const char* process ids handled in this step
                            * (filled by lo_roadmap_schedule), in sequence order */
  GPtrArray *preparations; /* char* (owned) readiness actions for processes below 3 */
  double    weeks;         /* duration in whole weeks (SPEC §1, "Schedule");
                            * 0 until scheduled */
  double    start_week;    /* weeks from the roadmap's start; 0 until scheduled */
  gboolean  weeks_set;     /* the duration is the one set by the consultant */
  double    default_weeks; /* the duration it has when none is set */
  gboolean  builds;        /* this is the build step (level max(L + 1, 3)) */
} LoRoadmapStep;

typedef enum
{
  LO_ROADMAP_STEPS,        /* one step per level L+1 … 5 */
  LO_ROADMAP_SUSTAIN,      /* already at level 5: a sustain page instead */
  LO_ROADMAP_INCOMPLETE,   /* no roadmap: answers are missing */
} LoRoadmapKind;

typedef struct
{
  gatomicrefcount ref_count;
  LoRoadmapKind kind;
  int           from_level;  /* the overall level L (0 when incomplete) */
  GPtrArray    *steps;       /* LoRoadmapStep*, owned, in level order */
  double        total_weeks; /* 0 until scheduled */
  int           parallel_builds; /* lanes the build step uses; 0 until scheduled */
  LoBank       *bank;        /* owned ref: the items borrow its questions */
} LoRoadmap;

#define LO_TYPE_ROADMAP (lo_roadmap_get_type ())
GType       lo_roadmap_get_type (void) G_GNUC_CONST;

/* The assessment part: steps and their actions. */
LoRoadmap  *lo_roadmap_build    (const LoScore *score);
LoRoadmap  *lo_roadmap_ref      (LoRoadmap *roadmap);
void        lo_roadmap_unref    (LoRoadmap *roadmap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoRoadmap, lo_roadmap_unref)

G_END_DECLS
