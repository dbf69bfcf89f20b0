/* lo-questionnaire.c: one self-contained HTML form for a respondent who is
 * not in the room
 *
 * The page needs nothing but itself: the style and the script are inline, a
 * Content-Security-Policy forbids every fetch, and "Save my answers" builds
 * the answers file (.lightsout, one respondent) in the browser and downloads
 * it. Every text from the bank or the engagement is escaped for where it
 * goes: HTML text, HTML attributes, or JSON inside a <script> element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lo-io.h"
#include "lo-json-private.h"

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* JSON that may stand inside <script>…</script>: "<", ">" and "&" as \u escapes */
static char *
json_for_script (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out = g_string_new (NULL);

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '<')
        g_string_append (out, "\\u003c");
      else if (*p == '>')
        g_string_append (out, "\\u003e");
      else if (*p == '&')
        g_string_append (out, "\\u0026");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* What the script needs: the file's frame and the texts it shows. */
static char *
page_data (const LoEngagement *engagement,
           const LoAssessment *assessment,
           const LoBank       *bank)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  lo_json_add_string (builder, "client", engagement->client_name);
  lo_json_add_string (builder, "assessment", assessment->id);
  lo_json_add_string (builder, "date", assessment->date);
  lo_json_add_string (builder, "bank", assessment->bank);
  json_builder_set_member_name (builder, "bank-edition");
  json_builder_add_int_value (builder, assessment->bank_edition);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bank->questions->len; i++)
    json_builder_add_string_value (builder, ((LoQuestion *) g_ptr_array_index (bank->questions, i))->id);
  json_builder_end_array (builder);
  lo_json_add_string (builder, "need-name", _("Please give your name before saving."));
  /* TRANSLATORS: %s is the file name the browser saves */
  lo_json_add_string (builder, "saved", _("Your answers were saved as %s. Please send this file back by e-mail."));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_for_script (root);
}

static void
append_option (GString    *out,
               const char *name,
               const char *id,
               const char *value,
               const char *label,
               const char *detail)
{
  g_string_append_printf (out, "<div class=\"opt\"><input type=\"radio\" name=\"%s\" id=\"%s\" value=\"%s\">"
                          "<label for=\"%s\"><span class=\"lv\">", name, id, value, id);
  append_html (out, label);
  g_string_append (out, "</span>");
  if (detail != NULL)
    {
      g_string_append (out, " ");
      append_html (out, detail);
    }
  g_string_append (out, "</label></div>\n");
}

static void
append_question (GString          *out,
                 const LoBank     *bank,
                 const LoQuestion *question,
                 guint             number)
{
  /* ids and names from the question's position: the bank's ids need no escaping in them */
  g_autofree char *name = g_strdup_printf ("q%u", number);

  g_string_append_printf (out, "<fieldset class=\"q\" data-question=\"%u\">\n<legend>", number);
  g_string_append_printf (out, "<span class=\"n\">%u.</span> ", number + 1);
  append_html (out, lo_bank_text (bank, question->text));
  g_string_append (out, "</legend>\n");

  for (int k = LO_LEVEL_MIN; k <= LO_LEVEL_MAX; k++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%d", name, k);
      g_autofree char *value = g_strdup_printf ("%d", k);
      g_autofree char *label = g_strdup_printf ("%d", k);

      append_option (out, name, id, value, label, lo_bank_text (bank, question->options[k - 1]));
    }
  {
    g_autofree char *id = g_strdup_printf ("%s-dk", name);
    append_option (out, name, id, "dk", _("Don’t know"), NULL);
  }
  if (question->allow_na)
    {
      g_autofree char *id = g_strdup_printf ("%s-na", name);
      append_option (out, name, id, "na", _("Not applicable"), NULL);
    }

  g_string_append_printf (out, "<label class=\"nl\" for=\"%s-note\">%s</label>\n"
                          "<textarea id=\"%s-note\" name=\"%s-note\" rows=\"2\" maxlength=\"%d\"></textarea>\n"
                          "</fieldset>\n",
                          name, _("Note (optional): your evidence or reason"), name, name, LO_NOTE_MAX_CHARS);
}

static const char style[] =
  "*{box-sizing:border-box}"
  "body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}"
  "main{max-width:46rem;margin:0 auto;padding:1rem}"
  "h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem}"
  "fieldset{border:1px solid #c9c9c4;border-radius:8px;background:#fff;margin:0 0 1rem;padding:.75rem 1rem}"
  "legend{font-weight:600;padding:0;float:left;width:100%;margin-bottom:.25rem}"
  "legend+*{clear:both}"
  ".who label{display:block;margin:.5rem 0 .25rem;font-weight:600}"
  "input[type=text],textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #8a8a85;border-radius:6px}"
  ".opt{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}"
  ".opt input{margin-top:.35rem;flex:none;width:1.1rem;height:1.1rem}"
  ".lv{font-weight:600;margin-right:.25rem}"
  ".nl{display:block;margin:.5rem 0 .25rem;font-size:.9rem;color:#4a4a48}"
  ":focus-visible{outline:3px solid #1c71d8;outline-offset:2px}"
  "button{font:inherit;font-weight:600;padding:.75rem 1.5rem;border:0;border-radius:8px;background:#1c71d8;color:#fff;cursor:pointer}"
  "#status{margin:1rem 0;font-weight:600}"
  "@media (max-width:30rem){main{padding:.5rem}fieldset{padding:.5rem .75rem}}";

/* The script that turns the form into the answers file. It mirrors the
 * writer: the lowest version (2.0 for a bank edition other than 1, 1.1 for
 * notes, else 1), XML-escaped text, and lo_respondent_id_from_name's ids. */
static const char script[] =
  "(function(){'use strict';\n"
  "var data=JSON.parse(document.getElementById('lo-data').textContent);\n"
  "var form=document.getElementById('lo-form');\n"
  "function clean(s){return String(s).replace(/\\r\\n?/g,'\\n').replace(/[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]/g,'');}\n"
  "function esc(s,attr){s=clean(s).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;');"
  "if(attr){s=s.replace(/\"/g,'&quot;').replace(/\\n/g,'&#10;').replace(/\\t/g,'&#9;');}return s;}\n"
  "function attr(n,v){return ' '+n+'=\"'+esc(v,true)+'\"';}\n"
  "function idFrom(name){var s=String(name).normalize('NFKD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase()"
  ".replace(/[^a-z0-9]+/g,'-').replace(/^-+|-+$/g,'').slice(0,200);return s||'respondent';}\n"
  "function build(name,role){var notes=false,rows=[];\n"
  " data.questions.forEach(function(q,i){var c=form.querySelector('input[name=\"q'+i+'\"]:checked');"
  "var note=clean(form.elements['q'+i+'-note'].value).trim();if(!c&&!note)return;"
  "var r='      <answer'+attr('question',q);var v=c?c.value:'dk';"
  "if(v==='na')r+=attr('level','na');else if(v!=='dk')r+=attr('level',v);"
  "if(note){notes=true;r+='>\\n        <note>'+esc(note,false)+'</note>\\n      </answer>\\n';}else r+='/>\\n';rows.push(r);});\n"
  " var version=data['bank-edition']!==1?'2.0':(notes?'1.1':'1');\n"
  " var x='<?xml version=\"1.0\" encoding=\"UTF-8\"?>\\n<engagement'+attr('xmlns','urn:lightsout:engagement:1')+attr('version',version)+'>\\n';\n"
  " x+='  <client'+attr('name',data.client)+'/>\\n';\n"
  " x+='  <assessment'+attr('id',data.assessment)+attr('date',data.date)+attr('bank',data.bank);\n"
  " if(data['bank-edition']!==1)x+=attr('bank-edition',String(data['bank-edition']));\n"
  " x+='>\\n    <respondent'+attr('id',idFrom(name))+attr('name',name)+(role?attr('role',role):'');\n"
  " x+=rows.length?'>\\n'+rows.join('')+'    </respondent>\\n':'/>\\n';\n"
  " return x+'  </assessment>\\n</engagement>\\n';}\n"
  "form.addEventListener('submit',function(e){e.preventDefault();\n"
  " var status=document.getElementById('status');\n"
  " var name=clean(form.elements['respondent-name'].value).replace(/\\s+/g,' ').trim();\n"
  " var role=clean(form.elements['respondent-role'].value).replace(/\\s+/g,' ').trim();\n"
  " if(!name){status.textContent=data['need-name'];form.elements['respondent-name'].focus();return;}\n"
  " var file='answers-'+idFrom(data.client)+'-'+idFrom(name)+'.lightsout';\n"
  " var blob=new Blob([build(name,role)],{type:'application/xml'});\n"
  " var a=document.createElement('a');a.href=URL.createObjectURL(blob);a.download=file;\n"
  " document.body.appendChild(a);a.click();a.remove();\n"
  " setTimeout(function(){URL.revokeObjectURL(a.href);},60000);\n"
  " status.textContent=data.saved.replace('%s',file);});\n"
  "})();\n";

char *
lo_questionnaire_html (const LoEngagement *engagement,
                       const LoAssessment *assessment,
                       const LoBank       *bank,
                       const char         *respondent,
                       const char         *language,
                       GError            **error)
{
  GString *out;
  g_autofree char *data = NULL;
  g_autofree char *title = NULL;
  guint number = 0;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (bank != NULL, NULL);

  if (g_strcmp0 (bank->id, assessment->bank) != 0)
    {
      g_set_error (error, LO_IO_ERROR, LO_IO_ERROR_INVALID,
                   _("assessment %s uses question bank “%s”, not “%s”"),
                   assessment->id, assessment->bank, bank->id);
      return NULL;
    }

  data = page_data (engagement, assessment, bank);
  /* TRANSLATORS: the page's title and heading; %s is the client's name */
  title = g_strdup_printf (_("Maturity questionnaire for %s"),
                           engagement->client_name ? engagement->client_name : "");

  out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");
  append_html (out, language && *language ? language : "en");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; "
                   "form-action 'none'\">\n<title>");
  append_html (out, title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", style);
  append_html (out, title);
  g_string_append (out, "</h1>\n<p>");
  append_html (out, _("Choose for each question the statement that describes your organisation best today. "
                      "Choose “Don’t know” when you cannot tell. Nothing is sent anywhere: "
                      "“Save my answers” saves a file that you send back by e-mail."));
  g_string_append (out, "</p>\n<form id=\"lo-form\" novalidate>\n<fieldset class=\"who\"><legend>");
  append_html (out, _("About you"));
  g_string_append (out, "</legend>\n<label for=\"respondent-name\">");
  append_html (out, _("Your name"));
  g_string_append (out, "</label>\n<input type=\"text\" id=\"respondent-name\" name=\"respondent-name\" "
                   "required maxlength=\"200\" autocomplete=\"name\" value=\"");
  append_html (out, respondent);
  g_string_append (out, "\">\n<label for=\"respondent-role\">");
  append_html (out, _("Your role (optional)"));
  g_string_append (out, "</label>\n<input type=\"text\" id=\"respondent-role\" name=\"respondent-role\" "
                   "maxlength=\"200\" autocomplete=\"organization-title\">\n</fieldset>\n");

  for (guint d = 0; d < bank->dimensions->len; d++)
    {
      const LoDimension *dimension = g_ptr_array_index (bank->dimensions, d);

      g_string_append (out, "<section>\n<h2>");
      append_html (out, lo_bank_text (bank, dimension->name));
      g_string_append (out, "</h2>\n");
      for (guint j = 0; j < dimension->questions->len; j++)
        append_question (out, bank, g_ptr_array_index (dimension->questions, j), number++);
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "<p><button type=\"submit\">");
  append_html (out, _("Save my answers"));
  g_string_append (out, "</button></p>\n<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
                   "</form>\n</main>\n<script type=\"application/json\" id=\"lo-data\">");
  g_string_append (out, data);
  g_string_append_printf (out, "</script>\n<script>\n%s</script>\n</body>\n</html>\n", script);

  return g_string_free (out, FALSE);
}
