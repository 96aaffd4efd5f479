"""S3: presigned uploads, checked objects, audited reads."""
