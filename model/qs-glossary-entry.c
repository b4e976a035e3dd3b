/* qs-glossary-entry.c: a term of the plan's glossary. */
#define G_LOG_DOMAIN "qs-glossary-entry"

#include "config.h"

#include "qs-glossary-entry.h"

struct _QsGlossaryEntry
{
  GObject  parent_instance;
  char    *term;
  char    *definition;
};

G_DEFINE_FINAL_TYPE (QsGlossaryEntry, qs_glossary_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TERM,
  PROP_DEFINITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_glossary_entry_finalize (GObject *object)
{
  QsGlossaryEntry *self = QS_GLOSSARY_ENTRY (object);

  g_clear_pointer (&self->term, g_free);
  g_clear_pointer (&self->definition, g_free);
  G_OBJECT_CLASS (qs_glossary_entry_parent_class)->finalize (object);
}

static void
qs_glossary_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QsGlossaryEntry *self = QS_GLOSSARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TERM:
      g_value_set_string (value, self->term);
      break;
    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_glossary_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QsGlossaryEntry *self = QS_GLOSSARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TERM:
      qs_glossary_entry_set_term (self, g_value_get_string (value));
      break;
    case PROP_DEFINITION:
      qs_glossary_entry_set_definition (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_glossary_entry_class_init (QsGlossaryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_glossary_entry_finalize;
  object_class->get_property = qs_glossary_entry_get_property;
  object_class->set_property = qs_glossary_entry_set_property;

  properties[PROP_TERM] =
    g_param_spec_string ("term", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_glossary_entry_init (QsGlossaryEntry *self)
{
  self->term = g_strdup ("");
  self->definition = g_strdup ("");
}

QsGlossaryEntry *
qs_glossary_entry_new (const char *term,
                       const char *definition)
{
  return g_object_new (QS_TYPE_GLOSSARY_ENTRY,
                       "term", term ? term : "",
                       "definition", definition ? definition : "",
                       NULL);
}

const char *
qs_glossary_entry_get_term (QsGlossaryEntry *self)
{
  g_return_val_if_fail (QS_IS_GLOSSARY_ENTRY (self), NULL);
  return self->term;
}

void
qs_glossary_entry_set_term (QsGlossaryEntry *self,
                            const char      *term)
{
  g_return_if_fail (QS_IS_GLOSSARY_ENTRY (self));
  if (qs_set_str (&self->term, term ? term : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

const char *
qs_glossary_entry_get_definition (QsGlossaryEntry *self)
{
  g_return_val_if_fail (QS_IS_GLOSSARY_ENTRY (self), NULL);
  return self->definition;
}

void
qs_glossary_entry_set_definition (QsGlossaryEntry *self,
                                  const char      *definition)
{
  g_return_if_fail (QS_IS_GLOSSARY_ENTRY (self));
  if (qs_set_str (&self->definition, definition ? definition : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION]);
}
