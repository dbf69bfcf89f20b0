/* lo-io.h: question banks, .lightsout engagement files, JSON and CSV
 *
 * All XML is parsed as untrusted input: no network, no DTD, no entities, a size
 * cap before parsing. Errors name the file, the line and what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "lo-core.h"

G_BEGIN_DECLS

#define LO_IO_ERROR (lo_io_error_quark ())

typedef enum
{
  LO_IO_ERROR_READ,          /* the file could not be read */
  LO_IO_ERROR_TOO_LARGE,     /* over the size cap */
  LO_IO_ERROR_MALFORMED,     /* not well-formed XML, bad encoding */
  LO_IO_ERROR_FORBIDDEN,     /* DOCTYPE, entities, external references */
  LO_IO_ERROR_WRONG_FORMAT,  /* wrong root element or namespace */
  LO_IO_ERROR_VERSION,       /* a newer major version */
  LO_IO_ERROR_INVALID,       /* a value or structure the format does not allow */
  LO_IO_ERROR_WRITE,         /* the output could not be written */
  LO_IO_ERROR_NOT_FOUND,     /* e.g. no bank with that id */
} LoIoError;

GQuark        lo_io_error_quark (void);

#define LO_BANK_NAMESPACE       "urn:lightsout:question-bank:1"
#define LO_ENGAGEMENT_NAMESPACE "urn:lightsout:engagement:1"
/* The version of a file with 1.0 content only (lo_engagement_format_version
 * gives a file's) */
#define LO_ENGAGEMENT_VERSION   "1"
/* Inputs larger than this are refused before parsing. */
#define LO_IO_MAX_FILE_SIZE     (64 * 1024 * 1024)

/* Question banks */
LoBank       *lo_bank_read_file      (const char *path,
                                      GError    **error);
LoBank       *lo_bank_read_bytes     (GBytes     *bytes,
                                      const char *display_name,
                                      GError    **error);
/* A shipped bank (from the GResource) by id and edition (its version; 0: the
 * newest); NULL and LO_IO_ERROR_NOT_FOUND when that edition is not shipped.
 * An assessment is scored with lo_bank_find_shipped_edition (assessment->bank,
 * assessment->bank_edition); a new assessment takes the newest edition. */
LoBank       *lo_bank_find_shipped_edition (const char *id,
                                            guint       edition,
                                            GError    **error);
/* The newest shipped edition of the bank @id (for new assessments). */
LoBank       *lo_bank_find_shipped   (const char *id,
                                      GError    **error);
/* The ids of the shipped banks, each once however many editions ship
 * (transfer full). */
GStrv         lo_bank_list_shipped   (void);
/* The bank's XML (as read or as shipped), for keeping it in the database. */
char         *lo_bank_to_xml         (const LoBank *bank,
                                      gsize        *length);

/* Engagement files. @warnings (may be NULL) receives char* messages for what a
 * newer minor version had that this one skips. */
LoEngagement *lo_engagement_read_file  (const char *path,
                                        GPtrArray  *warnings,
                                        GError    **error);
LoEngagement *lo_engagement_read_bytes (GBytes     *bytes,
                                        const char *display_name,
                                        GPtrArray  *warnings,
                                        GError    **error);
/* The lowest format version that expresses @engagement's content (SPEC §3):
 * 1.0 unless it has 1.1 content (parallel-builds other than 1, step weeks, an
 * include other than auto). The one place the writer's version is decided:
 * content of a newer version is added here. */
void          lo_engagement_format_version (const LoEngagement *engagement,
                                            int                *major,
                                            int                *minor);
/* The same as the file writes it: "1" (MAJOR alone for minor 0) or "1.1". */
char         *lo_engagement_format_version_string (const LoEngagement *engagement);
/* Canonical XML of the engagement: write → read → write gives the same bytes. */
char         *lo_engagement_to_xml     (const LoEngagement *engagement,
                                        gsize              *length);
/* Written whole or not at all (temporary file beside it, then renamed). */
gboolean      lo_engagement_write_file (const LoEngagement *engagement,
                                        const char         *path,
                                        GError            **error);

/* The built-in demo engagement (Harbor Logistics). */
LoEngagement *lo_demo_engagement       (void);

/* Writes @data to @path whole or not at all. */
gboolean      lo_io_write_atomic       (const char *path,
                                        const char *data,
                                        gsize       length,
                                        GError    **error);

/* JSON for the command line (SPEC §4): field names as the exchange file's,
 * null for absent values, numbers at full precision. */
char         *lo_json_score            (const LoEngagement *engagement,
                                        const LoScore      *score);
char         *lo_json_roi              (const LoPortfolio  *portfolio,
                                        const LoRoadmap    *roadmap,
                                        const LoProgramme  *programme);

/* One self-contained offline HTML questionnaire for @assessment (lo-questionnaire.c):
 * the bank's questions in the current gettext language (@language goes into
 * <html lang>), "don't know", "not applicable" where allowed, a note per
 * question; "Save my answers" downloads an answers file with one respondent
 * for `lightsout merge`. @respondent (may be NULL) fills in the name. */
char         *lo_questionnaire_html    (const LoEngagement *engagement,
                                        const LoAssessment *assessment,
                                        const LoBank       *bank,
                                        const char         *respondent,
                                        const char         *language,
                                        GError            **error);

/* The firm's profile (SPEC §6): a key file, group [Firm]. Every key is
 * checked (lo_firm_profile_check_value) and the logo must be a readable PNG
 * or SVG; an unknown key is refused naming it. */
LoFirmProfile *lo_firm_profile_read_file  (const char  *path,
                                           GError     **error);
LoFirmProfile *lo_firm_profile_read_data  (const char  *data,
                                           gsize        length,
                                           const char  *display_name,
                                           GError     **error);
/* $XDG_CONFIG_HOME/lightsout/firm.ini, where the window saves it. */
char          *lo_firm_profile_default_path (void);
/* The saved profile; NULL without error when none was saved. */
LoFirmProfile *lo_firm_profile_read_saved (GError     **error);
char          *lo_firm_profile_to_data    (const LoFirmProfile *profile,
                                           gsize               *length);
/* Checked, then written whole or not at all (folders made as needed). */
gboolean       lo_firm_profile_write_file (const LoFirmProfile *profile,
                                           const char          *path,
                                           GError             **error);

G_END_DECLS
