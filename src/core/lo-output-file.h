/* lo-output-file.h: the one way an output file (-o, Export) is written
 *
 * Every format (PDF, SVG, PNG, CSV, .lightsout) is written through here, so
 * every one follows the same rules:
 *
 *  - only a regular file or a path that does not exist yet is written; a
 *    directory, FIFO, socket or device is refused;
 *  - a symbolic link is followed: its target is written (and the link stays);
 *  - the content goes to a temporary file beside the target, is synced and
 *    then renamed over it, so the target holds the old content or the whole
 *    new one, never a part;
 *  - an existing file keeps its mode; a new file gets 0666 minus the umask
 *    (usually 0644), whatever the format;
 *  - the temporary file is removed on every failure, and on SIGINT or
 *    SIGTERM while it exists;
 *  - the path "-" is standard output: the content is written there whole
 *    once it is complete.
 *
 * The one place in core that touches the file system: io and render both
 * write files and share no other layer. Errors are G_FILE_ERROR, the message
 * naming the file: "r.pdf: cannot write: No space left on device".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LoOutputFile LoOutputFile;

/* Checks @path and creates the temporary file; NULL with @error set when the
 * path cannot be written (a directory, a device, a missing folder …). */
LoOutputFile *lo_output_file_open     (const char   *path,
                                       GError      **error);
/* Appends; the first failure is kept and reported by commit. Returns FALSE
 * once a write has failed. */
gboolean      lo_output_file_write    (LoOutputFile *file,
                                       const void   *data,
                                       gsize         length);
/* Finishes: syncs, sets the mode and renames the temporary over the target
 * (or copies the content to standard output). Frees @file either way. */
gboolean      lo_output_file_commit   (LoOutputFile *file,
                                       GError      **error);
/* Gives up after a failure of the writer (cairo's status, say): removes the
 * temporary, frees @file and sets @error from the failed write when there
 * was one ("No space left on device"), else from @reason. Returns FALSE. */
gboolean      lo_output_file_fail     (LoOutputFile *file,
                                       const char   *reason,
                                       GError      **error);
/* Gives up: removes the temporary and frees @file. NULL is ignored. */
void          lo_output_file_abort    (LoOutputFile *file);
/* Whether the output is standard output ("-"). */
gboolean      lo_output_file_is_stdout (const LoOutputFile *file);

/* Writes @data whole to @path by the rules above. */
gboolean      lo_output_file_set_contents (const char  *path,
                                           const char  *data,
                                           gsize        length,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoOutputFile, lo_output_file_abort)

G_END_DECLS
