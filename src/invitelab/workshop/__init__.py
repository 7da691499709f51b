"""The instructor-led workshop kit: activities and run sheets, slides, handouts, forms and the class dashboard."""
