/* lo-dialogs.h: small dialogs and error reports shared by the window and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*LoNameFunc) (GtkWidget  *owner,
                            const char *name,
                            gpointer    user_data);

/* Asks for a name (stripped, never empty) in a message dialog over @owner's
 * window; @done runs only when the user confirms. */
void lo_ask_name (GtkWidget  *owner,
                  const char *heading,
                  const char *body,
                  const char *initial,
                  const char *ok_label,
                  LoNameFunc  done,
                  gpointer    user_data);

/* What is wrong with @name (a message to show), or NULL when it will do. */
typedef char *(*LoNameCheck) (GtkWidget  *owner,
                              const char *name,
                              gpointer    user_data);

/* As lo_ask_name(), and while the user types, a name @check refuses keeps
 * the dialog's button disabled and says why under the entry. */
void lo_ask_name_checked (GtkWidget  *owner,
                          const char *heading,
                          const char *body,
                          const char *initial,
                          const char *ok_label,
                          LoNameCheck check,
                          LoNameFunc  done,
                          gpointer    user_data);

/* Shows a failed action or save to the user: a toast in the overlay that
 * shows @owner (or in a window's own overlay), else a message dialog over
 * @owner's window. The message is the error's, which names what failed. */
void lo_show_error (GtkWidget    *owner,
                    const GError *error);

G_END_DECLS
