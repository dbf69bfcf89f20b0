/* lo-shipped-banks-private.h: the index of the banks shipped in the GResource
 *
 * lo-shipped-banks.c is generated at build time by data/question-bank-index.py
 * from the root elements of the banks the GResource holds, so finding a bank
 * by id and edition parses that one file only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

typedef struct
{
  const char   *id;       /* the root's id */
  unsigned int  edition;  /* the root's version */
  const char   *file;     /* in the GResource, under LO_XML_RESOURCE_PREFIX "/" */
} LoShippedBank;

/* Sorted by id (bytes), then newest edition first. */
extern const LoShippedBank lo_shipped_banks[];
extern const unsigned int  lo_n_shipped_banks;
