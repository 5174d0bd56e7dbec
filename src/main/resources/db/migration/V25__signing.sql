-- signing (issue 12): the register of signed documents, so the QR code of a document opens its verification
-- page (/xac-thuc/{id}) and the 766 index counts signed electronic results. The PDF itself is in stored_file.
create table signed_document (
    id           uuid primary key,                 -- the key printed in the document's QR code
    kind         text        not null check (kind in ('RESULT', 'RECEIPT', 'FORM', 'CERTIFIED_COPY', 'E_RECEIPT')),
    dossier_code text,                             -- the dossier, or null (a certified copy, an e-receipt)
    agency_code  text        not null,
    file_id      uuid        not null,             -- the signed PDF in stored_file
    sha256       text        not null,             -- of the signed PDF (hex)
    signers      text        not null,             -- who signed, as shown ("Trần Văn Bình; UBND phường Tân Phú")
    signed_at    timestamptz not null,
    version      integer     not null default 0
);
create index signed_document_dossier on signed_document (dossier_code) where dossier_code is not null;
create index signed_document_agency_kind on signed_document (agency_code, kind, signed_at);
