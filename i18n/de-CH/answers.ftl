# Swiss German: only messages of de with "ß" would differ; the answers messages have none.
