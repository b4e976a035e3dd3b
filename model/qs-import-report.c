/* qs-import-report.c: what the importer recognised and where it was unsure. */
#define G_LOG_DOMAIN "qs-import-report"

#include "config.h"

#include "qs-import-report.h"

struct _QsImportReport
{
  GObject  parent_instance;
  char    *encoding;
  GArray  *doubts;       /* QsImportDoubt */
  GPtrArray *summary;    /* char* */
  GPtrArray *recognised; /* char*, "第N行 …" */
};

G_DEFINE_FINAL_TYPE (QsImportReport, qs_import_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENCODING,
  PROP_N_DOUBTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_doubt (gpointer data)
{
  QsImportDoubt *doubt = data;

  g_clear_pointer (&doubt->message, g_free);
}

static void
qs_import_report_finalize (GObject *object)
{
  QsImportReport *self = QS_IMPORT_REPORT (object);

  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->doubts, g_array_unref);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->recognised, g_ptr_array_unref);
  G_OBJECT_CLASS (qs_import_report_parent_class)->finalize (object);
}

static void
qs_import_report_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QsImportReport *self = QS_IMPORT_REPORT (object);

  switch (prop_id)
    {
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_N_DOUBTS:
      g_value_set_uint (value, self->doubts->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_import_report_class_init (QsImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_import_report_finalize;
  object_class->get_property = qs_import_report_get_property;

  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOUBTS] =
    g_param_spec_uint ("n-doubts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_import_report_init (QsImportReport *self)
{
  self->doubts = g_array_new (FALSE, TRUE, sizeof (QsImportDoubt));
  g_array_set_clear_func (self->doubts, clear_doubt);
  self->summary = g_ptr_array_new_with_free_func (g_free);
  self->recognised = g_ptr_array_new_with_free_func (g_free);
}

QsImportReport *
qs_import_report_new (void)
{
  return g_object_new (QS_TYPE_IMPORT_REPORT, NULL);
}

void
qs_import_report_set_encoding (QsImportReport *self,
                               const char     *encoding)
{
  g_return_if_fail (QS_IS_IMPORT_REPORT (self));
  if (qs_set_str (&self->encoding, encoding))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

void
qs_import_report_add_recognised (QsImportReport *self,
                                 guint           line,
                                 const char     *format,
                                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_if_fail (QS_IS_IMPORT_REPORT (self));
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (text, "\n\r\t", ' ');
  g_ptr_array_add (self->recognised, g_strdup_printf ("第%u行  %s", line, text));
}

void
qs_import_report_add_summary (QsImportReport *self,
                              const char     *format,
                              ...)
{
  va_list args;

  g_return_if_fail (QS_IS_IMPORT_REPORT (self));
  va_start (args, format);
  g_ptr_array_add (self->summary, g_strdup_vprintf (format, args));
  va_end (args);
}

void
qs_import_report_add_doubt (QsImportReport *self,
                            guint           line,
                            const char     *format,
                            ...)
{
  QsImportDoubt doubt = { line, NULL };
  va_list args;

  g_return_if_fail (QS_IS_IMPORT_REPORT (self));
  va_start (args, format);
  doubt.message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One doubt, one line: cells that wrapped print their break as a space. */
  g_strdelimit (doubt.message, "\n\r\t", ' ');
  g_array_append_val (self->doubts, doubt);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOUBTS]);
}

guint
qs_import_report_get_n_recognised (QsImportReport *self)
{
  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), 0);
  return self->recognised->len;
}

const char *
qs_import_report_get_recognised (QsImportReport *self,
                                 guint           index)
{
  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->recognised->len, NULL);
  return g_ptr_array_index (self->recognised, index);
}

/**
 * qs_import_report_to_text:
 *
 * Returns: (transfer full): the summary, what was recognised (one line per
 * heading, table and box with its source line) and then every doubt.
 */
char *
qs_import_report_to_text (QsImportReport *self)
{
  GString *out;

  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "编码：%s\n", self->encoding ? self->encoding : "?");
  for (guint i = 0; i < self->summary->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (self->summary, i));
  g_string_append (out, "\n识别结果：\n");
  for (guint i = 0; i < self->recognised->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (self->recognised, i));
  g_string_append_printf (out, "\n疑点（%u）：\n", self->doubts->len);
  if (self->doubts->len == 0)
    g_string_append (out, "  无\n");
  for (guint i = 0; i < self->doubts->len; i++)
    {
      const QsImportDoubt *doubt = &g_array_index (self->doubts, QsImportDoubt, i);

      g_string_append_printf (out, "  第%u行：%s\n", doubt->line, doubt->message);
    }
  return g_string_free (out, FALSE);
}

guint
qs_import_report_get_n_doubts (QsImportReport *self)
{
  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), 0);
  return self->doubts->len;
}

/**
 * qs_import_report_get_doubt:
 *
 * Returns: (transfer none): the doubt at @index.
 */
const QsImportDoubt *
qs_import_report_get_doubt (QsImportReport *self,
                            guint           index)
{
  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->doubts->len, NULL);
  return &g_array_index (self->doubts, QsImportDoubt, index);
}

const char *
qs_import_report_get_encoding (QsImportReport *self)
{
  g_return_val_if_fail (QS_IS_IMPORT_REPORT (self), NULL);
  return self->encoding;
}
