/* test-hostile.c: files made to hurt the program, read in a child process
 * whose address space is capped (1 GiB), timed and measured: each is refused
 * with a clear one-line message that names the file, or read whole; nothing
 * is written from a refused file, and no output goes outside its folder.
 *
 * test-bad-files.c covers the single wrong values and the classic hostile
 * files; this file adds the ones it lacks (parameter entities, 100 000-deep
 * nesting, a 200 MB file, more encodings, -0, 10 000 processes, a 100 000
 * character name, outputs that cannot be written) and runs the worst of its
 * files again under the memory cap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lo-io.h"

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define HAVE_VALGRIND_H 1
# endif
#endif

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

#define MEMORY_CAP  ((rlim_t) 1 << 30)   /* 1 GiB of address space */
#define TIME_LIMIT_S 60.0                 /* per case, natively */

typedef enum
{
  KIND_ENGAGEMENT,
  KIND_BANK,
} Kind;

/* What a case may do: be refused with @code, or be read whole. */
#define MAY_LOAD (-1)

typedef struct
{
  const char *name;
  Kind        kind;
  int         code;             /* LoIoError, or MAY_LOAD */
  void      (*build) (GString *out);
  const char *data_file;        /* instead of @build: tests/data/<data_file> */
  const char *fragments[3];     /* each must appear in the message */
} HostileCase;

static const char engagement_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n";

static const char bank_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<question-bank xmlns=\"urn:lightsout:question-bank:1\" id=\"hostile\" version=\"1\">\n";

static void
append_process (GString    *out,
                const char *id,
                const char *build_cost)
{
  g_string_append_printf (out,
                          "  <process id=\"%s\" name=\"Process %s\">\n"
                          "    <input name=\"volume-per-month\" value=\"1200\"/>\n"
                          "    <input name=\"minutes-per-item\" value=\"6\"/>\n"
                          "    <input name=\"hourly-cost\" value=\"45\"/>\n"
                          "    <input name=\"automation-rate\" value=\"0.8\"/>\n"
                          "    <input name=\"build-cost\" value=\"%s\"/>\n"
                          "    <input name=\"build-weeks\" value=\"10\"/>\n"
                          "  </process>\n",
                          id, id, build_cost);
}

/* Entities */

static void
build_parameter_entity_file (GString *out)
{
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE engagement [\n"
                   "  <!ENTITY % secret SYSTEM \"file:///etc/passwd\">\n"
                   "  <!ENTITY % wrap \"<!ENTITY leak '%secret;'>\">\n"
                   "  %wrap;\n"
                   "]>\n"
                   "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                   "  <client name=\"&leak;\"/>\n"
                   "</engagement>\n");
}

static void
build_parameter_entity_network (GString *out)
{
  /* Nothing listens there; the point is that nothing is even tried. */
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE engagement [\n"
                   "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                   "  %remote;\n"
                   "]>\n"
                   "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                   "  <client name=\"x\"/>\n"
                   "</engagement>\n");
}

static void
build_bank_parameter_entity (GString *out)
{
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE question-bank [\n"
                   "  <!ENTITY % secret SYSTEM \"file:///etc/passwd\">\n"
                   "  %secret;\n"
                   "]>\n"
                   "<question-bank xmlns=\"urn:lightsout:question-bank:1\" id=\"x\" version=\"1\"/>\n");
}

static void
build_bank_quadratic (GString *out)
{
  /* One 50 KB entity referenced 20 000 times, in the other format. */
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE question-bank [\n  <!ENTITY a \"");
  for (int i = 0; i < 50000; i++)
    g_string_append_c (out, 'a');
  g_string_append (out, "\">\n]>\n");
  g_string_append (out, bank_head);
  g_string_append (out, "  <dimension id=\"d\" weight=\"1\"><name>");
  for (int i = 0; i < 20000; i++)
    g_string_append (out, "&a;");
  g_string_append (out, "</name></dimension>\n</question-bank>\n");
}

static void
build_xinclude (GString *out)
{
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\""
                   " xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
                   "  <client name=\"x\"/>\n"
                   "  <xi:include href=\"file:///etc/passwd\" parse=\"text\"/>\n"
                   "</engagement>\n");
}

/* Size and shape */

static void
build_deep (GString *out, int depth, const char *head, const char *tail)
{
  g_string_append (out, head);
  for (int i = 0; i < depth; i++)
    g_string_append (out, "<x>");
  for (int i = 0; i < depth; i++)
    g_string_append (out, "</x>");
  g_string_append (out, tail);
}

static void
build_deep_engagement (GString *out)
{
  build_deep (out, 100000, engagement_head, "\n</engagement>\n");
}

static void
build_deep_bank (GString *out)
{
  build_deep (out, 100000, bank_head, "\n</question-bank>\n");
}

static void
build_deep_unclosed (GString *out)
{
  /* Never closed: the parser must not recurse or buffer its way to the end. */
  g_string_append (out, engagement_head);
  for (int i = 0; i < 100000; i++)
    g_string_append (out, "<client name=\"x\">");
}

static void
build_many_attributes (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"");
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (out, " a%d=\"1\"", i);
  g_string_append (out, "/>\n</engagement>\n");
}

static void
build_processes (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"Ten thousand processes\"/>\n");
  for (int i = 0; i < 10000; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "p%05d", i);
      append_process (out, id, "55000");
    }
  g_string_append (out, "</engagement>\n");
}

static void
build_long_name (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"");
  /* 100 000 characters, a third of them two bytes long in UTF-8. */
  for (int i = 0; i < 100000; i++)
    g_string_append (out, i % 3 == 0 ? "\xc3\xa4" : "n");
  g_string_append (out, "\"/>\n");
  append_process (out, "invoicing", "55000");
  g_string_append (out, "</engagement>\n");
}

static void
build_long_id (GString *out)
{
  g_autoptr(GString) id = g_string_new (NULL);

  for (int i = 0; i < 100000; i++)
    g_string_append_c (id, 'p');
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"/>\n");
  append_process (out, id->str, "55000");
  g_string_append (out, "</engagement>\n");
}

/* Encodings */

static void
build_overlong_utf8 (GString *out)
{
  g_string_append (out, engagement_head);
  /* "/" written in two bytes: invalid UTF-8 that naive decoders accept. */
  g_string_append (out, "  <client name=\"a\xc0\xaf" "b\"/>\n</engagement>\n");
}

static void
build_surrogate_utf8 (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"a\xed\xa0\x80" "b\"/>\n</engagement>\n");
}

static void
build_truncated_utf8 (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"ab\xe2\x82");
}

static void
build_latin1_declared (GString *out)
{
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                   "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                   "  <client name=\"M\xfcller\"/>\n"
                   "</engagement>\n");
}

static void
build_utf16 (GString *out)
{
  const char *text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                     "<engagement xmlns=\"urn:lightsout:engagement:1\" version=\"1\">\n"
                     "  <client name=\"x\"/>\n</engagement>\n";

  g_string_append_len (out, "\xff\xfe", 2);
  for (const char *p = text; *p; p++)
    {
      g_string_append_c (out, *p);
      g_string_append_c (out, '\0');
    }
}

static void
build_control_character (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"a\x01" "b\"/>\n</engagement>\n");
}

static void
build_nul_in_name (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"a");
  g_string_append_len (out, "\0", 1);
  g_string_append (out, "b\"/>\n</engagement>\n");
}

/* Numbers */

static void
build_negative_zero (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"/>\n");
  append_process (out, "invoicing", "-0");
  g_string_append (out, "</engagement>\n");
}

static void
build_huge_number (GString *out)
{
  g_autoptr(GString) digits = g_string_new ("1");

  /* 10^400 written out in full: not a double. */
  for (int i = 0; i < 400; i++)
    g_string_append_c (digits, '0');
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"/>\n");
  append_process (out, "invoicing", digits->str);
  g_string_append (out, "</engagement>\n");
}

static void
build_realisation_rate (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"/>\n"
                        "  <settings realisation-rate=\"1.5\"/>\n"
                        "</engagement>\n");
}

static void
build_huge_horizon (GString *out)
{
  g_string_append (out, engagement_head);
  g_string_append (out, "  <client name=\"x\"/>\n"
                        "  <settings horizon-months=\"99999999999999999999\"/>\n"
                        "</engagement>\n");
}

static const HostileCase cases[] = {
  /* Entities: the file's own DOCTYPE is refused before anything is fetched. */
  { "parameter-entity-file", KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    build_parameter_entity_file, NULL, { ":2:", "DOCTYPE" } },
  { "parameter-entity-network", KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    build_parameter_entity_network, NULL, { ":2:", "DOCTYPE" } },
  { "bank-parameter-entity", KIND_BANK, LO_IO_ERROR_FORBIDDEN,
    build_bank_parameter_entity, NULL, { ":2:", "DOCTYPE" } },
  { "bank-quadratic-blowup", KIND_BANK, LO_IO_ERROR_FORBIDDEN,
    build_bank_quadratic, NULL, { ":2:", "DOCTYPE" } },
  { "xinclude", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_xinclude, NULL, { ":4:", "include" } },
  /* The classic ones of test-bad-files.c, again under the memory cap. */
  { "billion-laughs-capped", KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    NULL, "bad/billion-laughs.lightsout", { ":2:", "DOCTYPE" } },
  { "external-entity-capped", KIND_ENGAGEMENT, LO_IO_ERROR_FORBIDDEN,
    NULL, "bad/external-entity.lightsout", { ":2:", "DOCTYPE" } },

  /* Size and shape */
  { "deep-100000", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_deep_engagement, NULL, { ":3:", "depth" } },
  { "bank-deep-100000", KIND_BANK, LO_IO_ERROR_MALFORMED,
    build_deep_bank, NULL, { ":3:", "depth" } },
  { "deep-unclosed", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_deep_unclosed, NULL, { ".lightsout:" } },
  { "many-attributes", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_many_attributes, NULL, { ":3:", "more than 256 attributes" } },
  { "processes-10000", KIND_ENGAGEMENT, MAY_LOAD,
    build_processes, NULL, { ".lightsout" } },
  /* SPEC §2c: names and ids of at most 200 characters */
  { "name-100000", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_long_name, NULL, { ":3:", "client: name: 100000 characters are above the limit of 200" } },
  { "id-100000", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_long_id, NULL, { ":4:", "<process>: id: 100000 characters are above the limit of 200" } },

  /* Encodings */
  { "overlong-utf8", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_overlong_utf8, NULL, { ":3:", "UTF-8" } },
  { "surrogate-utf8", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_surrogate_utf8, NULL, { ":3:", "UTF-8" } },
  { "truncated-utf8", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_truncated_utf8, NULL, { ".lightsout:3:" } },
  { "latin1-declared", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_latin1_declared, NULL, { ".lightsout:" } },
  { "utf16", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_utf16, NULL, { ".lightsout:" } },
  { "control-character", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_control_character, NULL, { ".lightsout:3:" } },
  { "nul-in-name", KIND_ENGAGEMENT, LO_IO_ERROR_MALFORMED,
    build_nul_in_name, NULL, { ".lightsout:3:", "NUL" } },

  /* Numbers */
  { "negative-zero", KIND_ENGAGEMENT, MAY_LOAD,
    build_negative_zero, NULL, { ".lightsout" } },
  { "number-400-digits", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_huge_number, NULL, { ":9:", "build-cost", "is not a number" } },
  { "realisation-rate-1.5", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_realisation_rate, NULL, { ":4:", "realisation-rate", "1.5" } },
  { "horizon-20-digits", KIND_ENGAGEMENT, LO_IO_ERROR_INVALID,
    build_huge_horizon, NULL, { ":4:", "horizon-months" } },
};

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("LO_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
cap_memory (void)
{
  struct rlimit limit = { MEMORY_CAP, MEMORY_CAP };

#ifdef UNDER_ASAN
  /* ASan reserves terabytes of shadow address space: the cap is measured
   * through the peak RSS instead. */
  return;
#endif
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return;
#endif
  if (setrlimit (RLIMIT_AS, &limit) != 0)
    g_error ("setrlimit: %s", g_strerror (errno));
}

/* Valgrind runs code 20 to 50 times slower, ASan about 3 times. */
static double
time_limit (void)
{
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return TIME_LIMIT_S * 10;
#endif
#ifdef UNDER_ASAN
  return TIME_LIMIT_S * 3;
#else
  return TIME_LIMIT_S;
#endif
}

/* Runs @func (@data) in a child with its address space capped; fails the test
 * when the child crashes, fails an assertion, takes too long or uses more than
 * the cap. */
static void
run_capped (void      (*func) (gconstpointer data),
            gconstpointer data)
{
  struct rusage usage = { 0 };
  gint64 start = g_get_monotonic_time ();
  double seconds;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      cap_memory ();
      func (data);
      fflush (stdout);
      _exit (0);
    }

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("child: %.2f s, peak RSS %ld MiB", seconds, usage.ru_maxrss / 1024);

  if (WIFSIGNALED (status))
    g_error ("the child died of signal %d (%s)", WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpfloat (seconds, <, time_limit ());
  g_assert_cmpint (usage.ru_maxrss, <, (long) (MEMORY_CAP / 1024));
}

static void
check_message (const HostileCase *c,
               const GError      *error)
{
  g_test_message ("%s", error->message);
  g_assert_cmpint (error->domain, ==, LO_IO_ERROR);
  if (error->code != c->code)
    g_error ("%s: code %d, expected %d: %s", c->name, error->code, c->code, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (c->fragments) && c->fragments[i] != NULL; i++)
    {
      if (strstr (error->message, c->fragments[i]) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, c->fragments[i]);
    }
  /* One line, no secret from an entity, and short enough to read. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "root:"));
  g_assert_cmpuint (strlen (error->message), <, 1024);
}

/* What a reader does with a file it accepts: write it again, read that back,
 * and get the same bytes. */
static void
check_loaded_engagement (const HostileCase *c,
                         LoEngagement      *engagement,
                         const char        *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length, length2;

  g_assert_true (lo_engagement_write_file (engagement, output, &error));
  g_assert_no_error (error);
  again = lo_engagement_read_file (output, NULL, &error);
  g_assert_no_error (error);
  xml = lo_engagement_to_xml (engagement, &length);
  xml2 = lo_engagement_to_xml (again, &length2);
  g_assert_cmpmem (xml, length, xml2, length2);

  if (g_str_equal (c->name, "negative-zero"))
    {
      /* A cost of -0 is a cost of 0, and is written so. */
      g_assert_nonnull (strstr (xml, "name=\"build-cost\" value=\"0\""));
      g_assert_null (strstr (xml, "\"-0\""));
    }
  else if (g_str_equal (c->name, "processes-10000"))
    {
      g_autoptr(LoPortfolio) portfolio = NULL;

      g_assert_cmpuint (engagement->processes->len, ==, 10000);
      portfolio = lo_portfolio_compute (engagement, 0, 1, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (portfolio);
    }
}

static void
read_case (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("lo-hostile-XXXXXX", NULL);
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *ext = c->kind == KIND_BANK ? ".xml" : ".lightsout";

  g_assert_nonnull (dir);
  if (c->data_file != NULL)
    input = data_path (c->data_file);
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *base = g_strconcat (c->name, ext, NULL);

      c->build (out);
      input = g_build_filename (dir, base, NULL);
      g_assert_true (g_file_set_contents (input, out->str, out->len, &error));
    }
  output = g_build_filename (dir, "out.lightsout", NULL);

  if (c->kind == KIND_ENGAGEMENT)
    {
      g_autoptr(LoEngagement) engagement = lo_engagement_read_file (input, NULL, &error);

      if (engagement != NULL)
        {
          if (c->code != MAY_LOAD)
            g_error ("%s was read, but should be refused", c->name);
          check_loaded_engagement (c, engagement, output);
          g_assert_cmpint (g_unlink (output), ==, 0);
        }
      else
        check_message (c, error);
    }
  else
    {
      g_autoptr(LoBank) bank = lo_bank_read_file (input, &error);

      if (bank != NULL)
        g_error ("%s was read, but should be refused", c->name);
      check_message (c, error);
    }

  /* Nothing was written: the folder holds only the input. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  if (c->data_file == NULL)
    g_assert_cmpint (g_unlink (input), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_read (gconstpointer data)
{
  run_capped (read_case, data);
}

/* A 200 MB file, made sparse so it costs no disk, is refused from its size
 * without being read into memory. */
static void
huge_file_case (gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.lightsout", NULL);
  g_autofree char *bank_path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoEngagement) engagement = NULL;
  g_autoptr(LoBank) bank = NULL;
  const off_t size = (off_t) 200 * 1000 * 1000;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, engagement_head, strlen (engagement_head)), ==, (gssize) strlen (engagement_head));
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_cmpint (link (path, bank_path), ==, 0);

  engagement = lo_engagement_read_file (path, NULL, &error);
  g_assert_null (engagement);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "huge.lightsout"));
  g_assert_nonnull (strstr (error->message, "200000000"));
  g_clear_error (&error);

  bank = lo_bank_read_file (bank_path, &error);
  g_assert_null (bank);
  g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_TOO_LARGE);

  g_assert_cmpint (g_unlink (bank_path), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_huge_file (void)
{
  gint64 start = g_get_monotonic_time ();

  run_capped (huge_file_case, NULL);
  /* Refused from its size: far quicker than reading 200 MB. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* Numbers on the command line: the same strict rules as in files. */
static void
test_parse_double (void)
{
  static const struct { const char *text; gboolean ok; double value; } numbers[] = {
    { "1e999", FALSE, 0 }, { "-1e999", FALSE, 0 }, { "nan", FALSE, 0 },
    { "NaN", FALSE, 0 }, { "inf", FALSE, 0 }, { "-infinity", FALSE, 0 },
    { "0x10", FALSE, 0 }, { "0X1p4", FALSE, 0 }, { " 1", FALSE, 0 },
    { "1 ", FALSE, 0 }, { "1,5", FALSE, 0 }, { "", FALSE, 0 }, { "-", FALSE, 0 },
    { ".", FALSE, 0 }, { "1e", FALSE, 0 }, { "e5", FALSE, 0 }, { "1e+", FALSE, 0 },
    { "--1", FALSE, 0 }, { "1.5", TRUE, 1.5 }, { "-0", TRUE, 0 }, { "+0.0", TRUE, 0 },
    { "0.08", TRUE, 0.08 }, { ".5", TRUE, 0.5 }, { "5.", TRUE, 5 },
    { "1e3", TRUE, 1000 }, { "-2.5E-1", TRUE, -0.25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double value = 12345;
      gboolean ok = lo_parse_double (numbers[i].text, &value);

      if (ok != numbers[i].ok)
        g_error ("lo_parse_double (“%s”) gave %d", numbers[i].text, ok);
      if (ok)
        {
          g_assert_cmpfloat (value, ==, numbers[i].value);
          /* -0 reads as 0, so that it is never printed as "-0". */
          g_assert_false (signbit (value) && value == 0);
        }
      else
        g_assert_cmpfloat (value, ==, 12345);
    }
  g_assert_false (lo_parse_double (NULL, NULL));
}

/* Outputs that cannot be written, even as root: each fails with a message
 * naming the path, and leaves nothing behind. */
static void
test_unwritable_output (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lo-hostile-XXXXXX", NULL);
  g_autofree char *regular = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (regular, "out.lightsout", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "out.lightsout", NULL);
  g_autofree char *a_dir = g_build_filename (dir, "a-folder", NULL);
  g_autoptr(LoEngagement) engagement = lo_demo_engagement ();
  g_autoptr(GDir) listing = NULL;
  const char *paths[] = {
    under_file,                        /* the parent is a regular file */
    missing,                           /* the folder does not exist */
    a_dir,                             /* the path is a folder */
    "/proc/lightsout-hostile.lightsout", /* procfs refuses new files, also for root */
    "/proc/self/lightsout/out.lightsout",
    "",
  };
  guint n_entries = 0;

  g_assert_true (g_file_set_contents (regular, "x", 1, NULL));
  g_assert_cmpint (g_mkdir (a_dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;

      g_assert_false (lo_engagement_write_file (engagement, paths[i], &error));
      g_assert_error (error, LO_IO_ERROR, LO_IO_ERROR_WRITE);
      g_test_message ("%s", error->message);
      g_assert_null (strchr (error->message, '\n'));
      if (*paths[i] != '\0')
        {
          g_autofree char *base = g_path_get_basename (paths[i]);

          g_assert_nonnull (strstr (error->message, base));
        }

      g_assert_false (lo_io_write_atomic (paths[i], "x", 1, &error2));
      g_assert_error (error2, LO_IO_ERROR, LO_IO_ERROR_WRITE);
    }

  /* Nothing left behind: the folder holds what it held, the file is intact. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 2);
  g_assert_true (g_file_test (a_dir, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (regular, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "x");
  }
  g_assert_false (g_file_test ("/proc/lightsout-hostile.lightsout", G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (a_dir), ==, 0);
  g_assert_cmpint (g_unlink (regular), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The same through the command line, for the report and its other outputs:
 * exit status 1, one line on stderr naming the path, nothing written. */
static void
test_unwritable_report (void)
{
  const char *lightsout = g_getenv ("LIGHTSOUT");
  g_autofree char *dir = g_dir_make_tmp ("lo-hostile-XXXXXX", NULL);
  g_autofree char *regular = g_build_filename (dir, "a-file", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("LO_SOURCE_ROOT"), "data", "demo",
                                            "harbor-logistics.lightsout", NULL);
  const char *names[] = { "report.pdf", "plan.csv", "radar.svg" };

  if (lightsout == NULL || !g_file_test (lightsout, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("LIGHTSOUT does not name the built program");
      return;
    }
  g_assert_true (g_file_set_contents (regular, "x", 1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *under_file = g_build_filename (regular, names[i], NULL);
      g_autofree char *in_proc = g_strconcat ("/proc/lightsout-hostile-", names[i], NULL);
      const char *paths[] = { under_file, in_proc };

      for (guint j = 0; j < G_N_ELEMENTS (paths); j++)
        {
          const char *argv[] = { lightsout, "report", demo, "--draws", "10",
                                 "--date", "2026-03-12", "-o", paths[j], NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autoptr(GError) error = NULL;
          int status = 0;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                       &out, &err, &status, &error));
          g_assert_no_error (error);
          g_test_message ("%s", err);
          g_assert_false (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (strstr (err, paths[j]));
          /* One line, and no crash report. */
          {
            guint lines = 0;

            for (const char *p = err; *p; p++)
              lines += *p == '\n';
            g_assert_cmpuint (lines, ==, 1);
          }
          g_assert_false (g_file_test (paths[j], G_FILE_TEST_EXISTS));
        }
    }

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint n_entries = 0;

    while (g_dir_read_name (listing) != NULL)
      n_entries++;
    g_assert_cmpuint (n_entries, ==, 1);
  }
  g_assert_cmpint (g_unlink (regular), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lo/io/hostile/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_read);
    }
  g_test_add_func ("/lo/io/hostile/file-200mb", test_huge_file);
  g_test_add_func ("/lo/io/hostile/parse-double", test_parse_double);
  g_test_add_func ("/lo/io/hostile/unwritable-output", test_unwritable_output);
  g_test_add_func ("/lo/io/hostile/unwritable-report", test_unwritable_report);

  return g_test_run ();
}
