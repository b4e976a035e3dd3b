/* qs-glossary-entry.h: a term of the plan's glossary (名词解释). */
#pragma once

#include <glib-object.h>
#include "qs-types.h"

G_BEGIN_DECLS

#define QS_TYPE_GLOSSARY_ENTRY (qs_glossary_entry_get_type ())

G_DECLARE_FINAL_TYPE (QsGlossaryEntry, qs_glossary_entry, QS, GLOSSARY_ENTRY, GObject)

QsGlossaryEntry *qs_glossary_entry_new            (const char      *term,
                                                   const char      *definition);
const char      *qs_glossary_entry_get_term       (QsGlossaryEntry *self);
void             qs_glossary_entry_set_term       (QsGlossaryEntry *self,
                                                   const char      *term);
const char      *qs_glossary_entry_get_definition (QsGlossaryEntry *self);
void             qs_glossary_entry_set_definition (QsGlossaryEntry *self,
                                                   const char      *definition);

G_END_DECLS
