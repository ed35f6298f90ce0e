print("frontdesk")
