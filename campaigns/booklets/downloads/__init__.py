"""The booklet's downloads, made from its published content: a tagged PDF and an EPUB 3 in
each language.

- `formats`: what each download is (its model, its file type, how it is made);
- `content`: what a download depends on (its fingerprint) and the context it is made from;
- `local_files`: images and stylesheets read from storage and static files, never the network;
- `pdf` and `epub`: the renderers (WeasyPrint; a small EPUB writer of the project's own);
- `storage`: making and keeping the current file of each version (`build`, `build_missing`);
- `serving`: what a download answers (the stored file, or "being prepared");
- `tasks`: the tasks that make them, queued after publishing;
- `receivers`: what queues them, connected in `BookletsConfig.ready()`.

A download never makes a file: it serves the newest stored one (the current version or,
while that is being made, the one before it) or says that it is being prepared. Files are
made after publishing, after the safety settings change, and by `manage.py
build_booklet_downloads` (or its older name, `build_booklet_pdfs`).

The models (`GeneratedPDF`, `GeneratedEPUB`) live in `campaigns.booklets.models`; this
package imports them, and the models reach it only inside the views that serve a download.
WeasyPrint is imported only when a PDF is made, so loading the models does not load it.
"""
